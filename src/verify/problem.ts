/**
 * Test problems for the conformance suite: random quadratics
 *   L(θ) = s·(½ Σ λ_i r_i² + ½ γ (u·r)²),  r = θ − c,
 * with every coordinate float32-representable, so float32 and float64 implementations see the
 * same point. Finite sums (m-SAM, n-SAM, RW-SAM): finite_sum_problem.ts. These stay plain
 * closed forms rather than src/oracle/functions (mathjs, compiled per function): the suite
 * builds thousands of problems per run (spec/protocol.md §2).
 */
import fc from 'fast-check';
import type { OracleObjective, Vector } from '../oracle/objective.js';
import { finiteSumProblemArbitrary, sampleQuadratics, type FiniteSumObjective, type FiniteSumProblem, type SampleQuadraticsSpec } from './finite_sum_problem.js';
import { f32, layoutOf, type LayoutDraw } from './layout.js';
import type { Layout } from './types.js';

export { f32 } from './layout.js';

export interface QuadraticSpec {
  kind: 'quadratic';
  curvature: number[];
  coupling: number[];
  couplingScale: number;
  center: number[];
  /** Loss multiplier s (loss scaling property). */
  scale: number;
}

export interface QuadraticProblem {
  spec: QuadraticSpec;
  layout: Layout;
  theta0: number[];
}

export type Problem = QuadraticProblem | FiniteSumProblem;

export type ProblemSpec = QuadraticSpec | SampleQuadraticsSpec;

/** What the harness serves for a problem: float64 values and gradients, a Lipschitz bound, and for finite sums the sample structure. */
export type ProblemObjective = (OracleObjective & { lipschitz: number; data?: undefined; select?: undefined }) | FiniteSumObjective;

export function problemObjective(spec: ProblemSpec, scale = spec.scale): ProblemObjective {
  return spec.kind === 'quadratic' ? quadratic({ ...spec, scale }) : sampleQuadratics({ ...spec, scale });
}

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
interface CoordinateDraw extends LayoutDraw {
  theta: number;
  center: number;
  curvature: number;
  coupling: number;
}

const coordinate: fc.Arbitrary<CoordinateDraw> = fc.record({
  theta: f32(-2, 2),
  center: f32(-2, 2),
  curvature: f32(0.1, 10),
  coupling: f32(-1, 1),
  newTensor: fc.boolean(),
  bias: fc.boolean(),
});

export interface ProblemOptions {
  maxDimension?: number;
  /** Start exactly at the minimum (g_0 = 0 in float64 and float32). */
  stationary?: boolean;
  /** H = λI (every curvature equal, no coupling): every gradient on the ray from c, so XSAM's v_0 ∥ v_1. */
  isotropic?: boolean;
}

export function problemArbitrary(options: ProblemOptions = {}): fc.Arbitrary<QuadraticProblem> {
  return fc
    .record({ coords: fc.array(coordinate, { minLength: 1, maxLength: options.maxDimension ?? 6 }), couplingScale: f32(0, 2) })
    .map(({ coords, couplingScale }) => {
      const center = coords.map((d) => d.center);
      const curvature = coords.map((d) => (options.isotropic ? coords[0].curvature : d.curvature));
      return {
        spec: { kind: 'quadratic', curvature, coupling: coords.map((d) => d.coupling), couplingScale: options.isotropic ? 0 : couplingScale, center, scale: 1 },
        layout: layoutOf(coords),
        theta0: options.stationary ? [...center] : coords.map((d) => d.theta),
      };
    });
}

/** ‖c‖ for the error scale: the quadratic's center, or the largest per-sample center. */
export function centerNorm(spec: ProblemSpec): number {
  const norm = (v: number[]) => Math.hypot(...v);
  return spec.kind === 'quadratic' ? norm(spec.center) : Math.max(...spec.center.map(norm));
}

export interface AnyProblemOptions extends ProblemOptions {
  finiteSum?: boolean;
}

/** The problems a property draws: finite sums for m-SAM, n-SAM and RW-SAM, single quadratics otherwise. */
export function anyProblemArbitrary(options: AnyProblemOptions): fc.Arbitrary<Problem> {
  const { finiteSum, ...rest } = options;
  return finiteSum ? finiteSumProblemArbitrary(rest) : problemArbitrary(rest);
}
