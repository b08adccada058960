/**
 * Test problems for the conformance suite: random quadratics
 *   L(θ) = s·(½ Σ λ_i r_i² + ½ γ (u·r)²),  r = θ − c,
 * with every coordinate float32-representable, so float32 and float64 implementations see the
 * same point. Interim builder: replace with src/oracle/functions when that library lands (it is
 * the only other place analytic functions are defined).
 */
import fc from 'fast-check';
import type { OracleObjective, Vector } from '../oracle/objective.js';
import type { Layout } from './types.js';

export interface QuadraticSpec {
  kind: 'quadratic';
  curvature: number[];
  coupling: number[];
  couplingScale: number;
  center: number[];
  /** Loss multiplier s (loss scaling property). */
  scale: number;
}

export interface Problem {
  spec: QuadraticSpec;
  layout: Layout;
  theta0: number[];
}

/**
 * float32-representable draws; magnitudes below 1e-3 snap to 0 so no test point is subnormal
 * in float32 (a subnormal's relative rounding error is unbounded).
 */
export const f32 = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true }).map((x) => (Math.abs(x) < 1e-3 ? 0 : Math.fround(x)));

export function quadratic(spec: QuadraticSpec): OracleObjective & { lipschitz: number } {
  const { curvature: l, coupling: u, couplingScale: g, center: c, scale: s } = spec;
  const residual = (x: Vector) => x.map((xi, i) => xi - c[i]);
  const dotU = (r: Vector) => r.reduce((acc, ri, i) => acc + u[i] * ri, 0);
  return {
    dim: l.length,
    value(x) {
      const r = residual(x);
      return s * 0.5 * (r.reduce((acc, ri, i) => acc + l[i] * ri * ri, 0) + g * dotU(r) ** 2);
    },
    gradient(x) {
      const r = residual(x);
      const ur = dotU(r);
      return r.map((ri, i) => s * (l[i] * ri + g * ur * u[i]));
    },
    lipschitz: Math.abs(s) * (Math.max(...l.map(Math.abs)) + g * u.reduce((a, ui) => a + ui * ui, 0)),
  };
}

/** One coordinate's share of a problem; arrays of these shrink toward dimension 1. */
interface CoordinateDraw {
  theta: number;
  center: number;
  curvature: number;
  coupling: number;
  /** Starts a new parameter tensor (ignored for coordinate 0). */
  newTensor: boolean;
  /** The tensor this coordinate starts is a bias (ASAM's 'exclude-biases' preset). */
  bias: boolean;
}

const coordinate: fc.Arbitrary<CoordinateDraw> = fc.record({
  theta: f32(-2, 2),
  center: f32(-2, 2),
  curvature: f32(0.1, 10),
  coupling: f32(-1, 1),
  newTensor: fc.boolean(),
  bias: fc.boolean(),
});

function layoutOf(draws: CoordinateDraw[]): Layout {
  const sizes: number[] = [];
  const names: string[] = [];
  draws.forEach((d, i) => {
    if (i === 0 || d.newTensor) {
      names.push(`layer${sizes.length}/${d.bias ? 'bias' : 'kernel'}`);
      sizes.push(1);
    } else sizes[sizes.length - 1]++;
  });
  return { names, sizes };
}

export interface ProblemOptions {
  maxDimension?: number;
  /** Start exactly at the minimum (g_0 = 0 in float64 and float32). */
  stationary?: boolean;
}

export function problemArbitrary(options: ProblemOptions = {}): fc.Arbitrary<Problem> {
  return fc
    .record({ coords: fc.array(coordinate, { minLength: 1, maxLength: options.maxDimension ?? 6 }), couplingScale: f32(0, 2) })
    .map(({ coords, couplingScale }) => {
      const center = coords.map((d) => d.center);
      return {
        spec: { kind: 'quadratic', curvature: coords.map((d) => d.curvature), coupling: coords.map((d) => d.coupling), couplingScale, center, scale: 1 },
        layout: layoutOf(coords),
        theta0: options.stationary ? [...center] : coords.map((d) => d.theta),
      };
    });
}
