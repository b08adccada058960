import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../src/backend/index.js';
import { descriptorOf } from '../../../src/algorithms/index.js';
import { GsamOptimizer } from '../../../src/optimizers/index.js';
import { GsamReference } from '../../../src/algorithms/gsam/reference.js';
import { gsamOracle, oracleGsam } from '../../../src/algorithms/gsam/oracle.js';
import type { OracleObjective, Vector } from '../../../src/oracle/objective.js';
import { dot, length, minus } from '../../../src/oracle/vector.js';
import { expectConformance, expectDropInMatchesOracle } from './conformance.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** f(x) = Σ a_j x_j⁴/4 + b·x: curved enough that g_p is not parallel to g. */
const quartic = (a: Vector, b: Vector): OracleObjective => ({
  dim: a.length,
  value: (x) => x.reduce((s, v, j) => s + (a[j] * v ** 4) / 4 + b[j] * v, 0),
  gradient: (x) => x.map((v, j) => a[j] * v ** 3 + b[j]),
});

const vec = (n: number, lo: number, hi: number) => fc.array(fc.double({ min: lo, max: hi, noNaN: true }), { minLength: n, maxLength: n });
const problem = fc.integer({ min: 2, max: 4 }).chain((n) => fc.record({ theta: vec(n, -2, 2), a: vec(n, 0.1, 3), b: vec(n, -1, 1), alpha: fc.double({ min: 0.05, max: 1, noNaN: true }) }));
const SGD = { learningRate: 0.1, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0, weightDecayIn: 'base' as const };

/** spec/variants.md G1: (g_p − d)/α = g_⊥ is orthogonal to g_p ('perturbed'); (d − g)/α ⊥ g ('clean'). */
function gapComponentIsOrthogonal(applied: (g: Vector, gp: Vector) => Vector, decompose: 'perturbed' | 'clean', g: Vector, gp: Vector): boolean {
  const d = applied(g, gp);
  const [gap, along] = decompose === 'perturbed' ? [minus(gp, d), gp] : [minus(d, g), g];
  return Math.abs(dot(gap, along)) <= 1e-9 * (length(g) + length(gp)) * length(along);
}

describe('GSAM (spec/variants.md §1)', () => {
  it('passes the generic conformance suite: kernels, float64 reference, every mutant killed (≤ 4-dim)', async () => {
    await expectConformance('gsam', 7, 15);
  }, 60_000);

  for (const decompose of ['perturbed', 'clean'] as const) {
    it(`G1 (${decompose}): the surrogate-gap component the oracle removes is orthogonal to the gradient it keeps`, () => {
      fc.assert(
        fc.property(problem, ({ theta, a, b, alpha }) => {
          const c = gsamOracle.resolve({ alpha, decompose });
          const r = oracleGsam(c, SGD, quartic(a, b), theta, { buffer: null });
          const gp = quartic(a, b).gradient(r.ascentPoints[0]);
          // The guard ε leaves û off unit length by ε/‖u‖: kept below the 1e-9 tolerance (spec/variants.md G1).
          fc.pre(length(gp) > 1e-2 && length(r.cleanGradient) > 1e-2);
          return gapComponentIsOrthogonal(() => r.appliedGradient, decompose, r.cleanGradient, gp);
        }),
        { seed: 3, numRuns: 200 },
      );
    });
  }

  it('G1 fails against the mutant that decomposes against the clean gradient under minimize_fp', () => {
    const m = descriptorOf('gsam').mutants.find((x) => x.id === 'gsam-decomposed-against-clean')!;
    const broken = new m.make({ ...gsamOracle.resolve({ alpha: 0.5 }) }, { names: ['w'], sizes: [2] }) as GsamReference;
    const fine = new GsamReference({ ...gsamOracle.resolve({ alpha: 0.5 }) } as never, { names: ['w'], sizes: [2] });
    const g = [1, 0];
    const gp = [1, 1];
    expect(gapComponentIsOrthogonal((x, y) => fine.applied(x, y), 'perturbed', g, gp)).toBe(true);
    expect(gapComponentIsOrthogonal((x, y) => broken.applied(x, y), 'perturbed', g, gp)).toBe(false);
  });

  it('α = 0 and ρ_min = ρ_max reduce GSAM to SAM (the big_vision docstring\'s note), in the oracle', () => {
    fc.assert(
      fc.property(problem, ({ theta, a, b }) => {
        const f = quartic(a, b);
        const r = oracleGsam(gsamOracle.resolve({ alpha: 0, rho: 0.1 }), SGD, f, theta, { buffer: null });
        const g = f.gradient(theta);
        const sam = f.gradient(theta.map((x, j) => x + (0.1 * g[j]) / (length(g) + 1e-12)));
        return length(minus(r.appliedGradient, sam)) <= 1e-12 * (length(sam) + 1);
      }),
      { seed: 4, numRuns: 100 },
    );
  });

  it('refuses an inconsistent schedule and a missing α, naming the parameter', () => {
    const k = descriptorOf('gsam').kernel;
    expect(() => k.resolve({})).toThrow(/alpha/);
    expect(() => k.resolve({ alpha: 0.1, rho: 0.05, rhoMin: 0.1 })).toThrow(/rhoMin/);
    expect(() => k.resolve({ alpha: 0.1, rhoMin: 0.01 })).toThrow(/rhoMin/);
    expect(() => k.resolve({ alpha: 0.1, lrMax: 0.01, lrMin: 0.1 })).toThrow(/lrMax/);
    expect(() => k.resolve({ alpha: 0.1, decompose: 'sideways' as never })).toThrow(/decompose/);
  });

  it('runs as a drop-in tf.Optimizer: minimize follows the oracle trajectory, without leaking tensors', () => {
    expectDropInMatchesOracle(() => new GsamOptimizer({ learningRate: 0.01, alpha: 0.5, rho: 0.1 }), { algorithm: 'gsam', learningRate: 0.01, alpha: 0.5, rho: 0.1 });
  });
});
