import { beforeAll, describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { angleBetween, slerp } from '../../src/kernels/xsam.js';
import { toFlat } from '../../src/kernels/tree.js';
import type { Tree } from '../../src/kernels/types.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import { angle, dot, length, minus, plus, times, unit } from '../../src/oracle/vector.js';
import { oracleSlerp } from '../../src/algorithms/xsam/oracle.js';
import { closeTo } from './problems.js';
import { conditionedProblemArb, findsCounterexample, kernelRun, scoped } from './harness.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** Unit v_0 and v_1 = cos ψ·v_0 + sin ψ·w (w ⊥ v_0), ψ ∈ [1e-3, π/2], α ∈ [0, 2] (so αψ ≤ π): X4's conditions. */
const pairArb = fc
  .record({
    d: fc.integer({ min: 2, max: 5 }),
    psi: fc.double({ min: 1e-3, max: Math.PI / 2, noNaN: true }),
    alpha: fc.double({ min: 0, max: 2, noNaN: true }),
  })
  .chain(({ d, psi, alpha }) =>
    fc
      .record({ a: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d }), b: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d }) })
      .filter(({ a, b }) => length(a) > 0.1 && length(minus(b, times(dot(a, b) / dot(a, a), a))) > 0.1)
      .map(({ a, b }) => {
        const v0 = unit(a, 0);
        const w = unit(minus(b, times(dot(v0, b), v0)), 0);
        return { v0, v1: plus(times(Math.cos(psi), v0), times(Math.sin(psi), w)), psi, alpha };
      }),
  );

type Slerp = (v0: Tree, v1: Tree, psi: number, alpha: number) => Tree;
const tree = (v: number[]): Tree => [tf.tensor1d(v)];

/** X4 at the vector level: ‖v(α)‖ = 1, ∠(v(α), v_0) = αψ, ∠(v(α), v_1) = |1 − α|ψ, v(α) ∈ span{v_0, v_1}. */
function identitiesHold(impl: Slerp, { v0, v1, psi, alpha }: { v0: number[]; v1: number[]; psi: number; alpha: number }): boolean {
  return scoped(() => {
    const t0 = tree(v0);
    const t1 = tree(v1);
    const kernelPsi = angleBetween(t0, t1, 'atan2').dataSync()[0];
    const v = Array.from(toFlat(impl(t0, t1, kernelPsi, alpha)));
    const w = unit(minus(v1, times(dot(v0, v1), v0)), 0);
    const residual = minus(v, plus(times(dot(v, v0), v0), times(dot(v, w), w)));
    const tol = 2e-5 * (1 + alpha);
    return (
      Math.abs(kernelPsi - psi) <= 1e-5 &&
      Math.abs(length(v) - 1) <= tol &&
      Math.abs(angle(unit(v, 0), v0) - alpha * psi) <= tol &&
      Math.abs(angle(unit(v, 0), v1) - Math.abs(1 - alpha) * psi) <= tol &&
      length(residual) <= tol
    );
  });
}

/** Broken: linear interpolation instead of slerp (its norm is < 1 between the endpoints). */
const lerp: Slerp = (v0, v1, _psi, alpha) => v0.map((x, i) => tf.add(tf.mul(x, 1 - alpha), tf.mul(v1[i], alpha)));

describe('X4: construction identities of v(α) (spec/family.md X4)', () => {
  test.prop([pairArb], { numRuns: 150 })('unit norm, angles αψ and |1 − α|ψ, in span{v_0, v_1}', (x) => {
    expect(identitiesHold(slerp, x)).toBe(true);
  });
  it('catches linear interpolation in place of the slerp', () => {
    expect(findsCounterexample(pairArb, (x) => identitiesHold(lerp, x))).toBe(true);
  });
});

const rho = fc.double({ min: 0.01, max: 0.5, noNaN: true });
const plain = { learningRate: 0.1 };

describe('X4 on algorithms: α = 1 is (multi-step) SAM, α = 0 with k = 1 is SGD+, ‖update‖ = ‖g_k‖', () => {
  test.prop([rho, fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 0.5, 1, 2), conditionedProblemArb()], { numRuns: 30 })(
    'static α: ‖update‖ = ‖g_k‖; α = 1 equals multi-step SAM',
    (r, k, alpha, p) => {
      const xsam = kernelRun({ algorithm: 'xsam', rho: r, steps: k, dynamic: false, alpha, ...plain }, p);
      const msam = kernelRun({ algorithm: 'multistep-sam', rho: r, steps: k, ...plain }, p);
      fc.pre(xsam.scalars.fallback === 0);
      expect(Math.abs(length(Array.from(xsam.applied)) - length(Array.from(msam.applied)))).toBeLessThanOrEqual(1e-5 * (1 + length(Array.from(msam.applied))));
      if (alpha === 1) expect(closeTo(xsam.params, msam.params, 1e-5)).toBe(true);
    },
  );
  test.prop([rho, conditionedProblemArb()], { numRuns: 25 })('α = 0, k = 1: update = ‖g_1‖·ĝ_0', (r, p) => {
    const sgdPlus = kernelRun({ algorithm: 'xsam', rho: r, steps: 1, dynamic: false, alpha: 0, ...plain }, p);
    const sam = kernelRun({ algorithm: 'sam', rho: r, ...plain } as AlgorithmConfig, p);
    const expected = times(length(Array.from(sam.applied)), unit(Array.from(sam.clean), 0));
    expect(closeTo(sgdPlus.applied, expected, 1e-5)).toBe(true);
  });
});

/** C8: v_1 = v_0 exactly, or rotated by ψ ∈ (0, 1e-3]: float32 ψ finite and accurate, v(α) finite, unit, ≈ float64. */
const nearlyParallelArb = fc
  .tuple(pairArb, fc.oneof(fc.constant(0), fc.double({ min: 1e-7, max: 1e-3, noNaN: true })))
  .map(([{ v0, v1, alpha, psi: wide }, psi]) => {
    const w = unit(minus(v1, times(Math.cos(wide), v0)), 0);
    return { v0, v1: psi === 0 ? [...v0] : plus(times(Math.cos(psi), v0), times(Math.sin(psi), w)), psi, alpha };
  });

function nearlyParallelHolds(formula: 'atan2' | 'arccos', { v0, v1, psi, alpha }: { v0: number[]; v1: number[]; psi: number; alpha: number }): boolean {
  return scoped(() => {
    const t0 = tree(v0);
    const t1 = tree(v1);
    const kernelPsi = angleBetween(t0, t1, formula).dataSync()[0];
    const v = Array.from(toFlat(slerp(t0, t1, kernelPsi, alpha)));
    const reference = oracleSlerp(v0, v1, psi, alpha);
    return Number.isFinite(kernelPsi) && Math.abs(kernelPsi - psi) <= 1e-6 && v.every(Number.isFinite) && closeTo(v, reference, 1e-5);
  });
}

describe('C8: the XSAM angle in float32 for (nearly) parallel v_0, v_1', () => {
  test.prop([nearlyParallelArb], { numRuns: 100 })('ψ finite within 1e-6, v(α) finite and ≈ the float64 slerp', (x) => {
    expect(nearlyParallelHolds('atan2', x)).toBe(true);
  });
  it('catches the unclamped arccos (NaN or an unresolvable angle below ~3.45e-4)', () => {
    expect(findsCounterexample(nearlyParallelArb, (x) => nearlyParallelHolds('arccos', x))).toBe(true);
  });
});
