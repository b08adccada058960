/**
 * Every iterative oracle routine returns within its bound or throws a typed error (GUIDE: never
 * a hang, never a silent NaN), fuzzed on near-hard cases (g almost ⊥ the top eigenvector, large
 * radius: BB steps grow ×10 per iteration) and on non-finite inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SamcheckError } from '../../src/errors.js';
import { numericalBallMaximizer } from '../../src/oracle/maximizer/numerical.js';
import { quadraticBallMaximizer } from '../../src/oracle/maximizer/quadratic.js';
import type { OracleObjective } from '../../src/oracle/objective.js';

interface NearHard {
  lambda: number[];
  g: number[];
  radius: number;
  /** NaN beyond this distance from 0 (a loss that overflows far out), or none. */
  nanBeyond: number | null;
  theta0: number[];
}

const nearHard: fc.Arbitrary<NearHard> = fc.integer({ min: 1, max: 4 }).chain((d) =>
  fc.record({
    lambda: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: d, maxLength: d }),
    // The first coordinate's component is tiny or zero: the hard case and its neighbourhood.
    g: fc.tuple(fc.constantFrom(0, 1e-300, 1e-15, 1e-8), fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: d - 1, maxLength: d - 1 })).map(([g0, rest]) => [g0, ...rest]),
    radius: fc.constantFrom(1e-6, 1, 1e3, 1e8),
    nanBeyond: fc.option(fc.constantFrom(0.5, 10, 1e4)),
    theta0: fc.array(fc.constantFrom(0, 1, -2, Number.NaN, Infinity), { minLength: d, maxLength: d }),
  }),
);

/** L(θ) = gᵀθ + ½ Σ λ_i θ_i² with λ_0 the largest (the top eigenvector is e_0), counting evaluations. */
function objective(c: NearHard): OracleObjective & { calls: number } {
  const lambda = [Math.max(...c.lambda) + 1, ...c.lambda.slice(1)];
  const far = (x: number[]) => c.nanBeyond !== null && Math.hypot(...x) > c.nanBeyond;
  const o = {
    dim: c.g.length,
    calls: 0,
    value(x: number[]) {
      o.calls++;
      return far(x) ? NaN : x.reduce((s, xi, i) => s + c.g[i] * xi + 0.5 * lambda[i] * xi * xi, 0);
    },
    gradient(x: number[]) {
      o.calls++;
      return far(x) ? x.map(() => NaN) : x.map((xi, i) => c.g[i] + lambda[i] * xi);
    },
  };
  return o;
}

/** Returns normally with a finite δ in the ball, or throws a SamcheckError; anything else fails. */
function returnsOrThrowsTyped(run: () => { delta: number[] }, radius: number): void {
  let out: { delta: number[] };
  try {
    out = run();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(SamcheckError);
    return;
  }
  expect(out.delta.every(Number.isFinite), JSON.stringify(out.delta)).toBe(true);
  expect(Math.hypot(...out.delta)).toBeLessThanOrEqual(radius * (1 + 1e-12));
}

describe('iterative oracle routines terminate', () => {
  it('numericalBallMaximizer: within starts·maxIterations·(halvings + 2) evaluations, or a typed error', () => {
    fc.assert(
      fc.property(nearHard, (c) => {
        const f = objective(c);
        const options = { starts: 4, maxIterations: 300 };
        returnsOrThrowsTyped(() => numericalBallMaximizer(f, c.theta0, c.radius, options), c.radius);
        expect(f.calls).toBeLessThanOrEqual((options.starts + 3) * (options.maxIterations * 62 + 2) + 4);
      }),
      { numRuns: 60 },
    );
  });

  it('the issue-15 case: a near-hard quadratic whose BB step used to grow until the Armijo loop halved an infinite step forever', () => {
    const c: NearHard = { lambda: [1, -1e-3], g: [1e-300, 1], radius: 1e8, nanBeyond: 1e4, theta0: [0, 0] };
    returnsOrThrowsTyped(() => numericalBallMaximizer(objective(c), c.theta0, c.radius, { starts: 2, maxIterations: 2000 }), c.radius);
  });

  it('the secular-equation solver (quadraticBallMaximizer): returns on the sphere or inside, or a typed error on non-finite input', () => {
    fc.assert(
      fc.property(nearHard, fc.constantFrom(0, Number.NaN, Infinity, 1), (c, poison) => {
        const d = c.g.length;
        const eigen = { values: c.lambda, vectors: c.lambda.map((_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0))) };
        const g = poison === 1 ? c.g : c.g.map((x, i) => (i === d - 1 ? poison || x : x));
        returnsOrThrowsTyped(() => quadraticBallMaximizer(eigen, g, c.radius), c.radius);
      }),
      { numRuns: 100 },
    );
  });
});
