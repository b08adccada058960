import { beforeAll, describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { tf, type Scalar } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { InvalidArgumentError, NonFiniteError, SamcheckError } from '../../src/errors.js';
import { ascentGradient } from '../../src/kernels/estimators.js';
import { microBatchGradient } from '../../src/kernels/microbatch.js';
import { samPerturbation } from '../../src/kernels/perturbation.js';
import { gibbsWeights } from '../../src/kernels/rwsam.js';
import { functionObjective } from '../../src/kernels/objective.js';
import { finiteSumObjective } from '../../src/kernels/finite_sum.js';
import { scale } from '../../src/kernels/tree.js';
import type { GradientEstimator } from '../../src/kernels/types.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import { batchOnly, closeTo, problemArb, type Problem } from './problems.js';
import { conditionedProblemArb, findsCounterexample, kernelRun, scoped, wellConditioned } from './harness.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const rho = fc.double({ min: 0.01, max: 0.5, noNaN: true });
const base = { learningRate: 0.1, momentum: 0.9, weightDecay: 1e-3 };
const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe('E6: m = b is SAM; n-SAM on the full data is SAM (spec/family.md E6)', () => {
  test.prop([conditionedProblemArb(), rho], { numRuns: 25 })('m-SAM with m = b equals minibatch SAM', (p, r) => {
    const m = kernelRun({ algorithm: 'm-sam', m: p.batch, rho: r, ...base }, p);
    const s = kernelRun({ algorithm: 'sam', rho: r, ...base } as AlgorithmConfig, p);
    expect(closeTo(m.params, s.params, 1e-6)).toBe(true);
  });
  test.prop([conditionedProblemArb(), rho], { numRuns: 30 })('n-SAM whose full data is the batch equals SAM', (p, r) => {
    const whole = batchOnly(p);
    const n = kernelRun({ algorithm: 'n-sam', rho: r, ...base }, whole);
    const s = kernelRun({ algorithm: 'sam', rho: r, ...base } as AlgorithmConfig, whole);
    expect(closeTo(n.params, s.params, 1e-6)).toBe(true);
  });
});

/** A batch of J identical copies of one micro-batch S (|S| = m). */
const copiesArb = fc
  .tuple(problemArb({ batch: fc.constantFrom(1, 2) }), fc.integer({ min: 2, max: 3 }))
  .map(([p, J]): [Problem, number] => {
    const rows = <T>(x: T[]) => Array.from({ length: J }, () => x.slice(0, p.batch)).flat();
    return [{ ...p, factors: rows(p.factors), shifts: rows(p.shifts), centers: rows(p.centers), batch: J * p.batch }, p.batch];
  })
  .filter(([p]) => wellConditioned(p, p.theta0));

/** Keras' num_batch_splits: the per-split gradients summed, not averaged. */
const summed = (r: number, m: number, J: number): GradientEstimator<null> => {
  const inner = microBatchGradient(ascentGradient(samPerturbation(1e-12), r), m);
  return {
    init: inner.init,
    estimate(params, objective, state, ctx) {
      const out = inner.estimate(params, objective, state, ctx);
      return { ...out, grads: scale(out.grads, J) };
    },
  };
};

function copiesAgree([p, m]: [Problem, number], r: number, broken = false): boolean {
  const config: AlgorithmConfig = { algorithm: 'm-sam', m, rho: r, ...base };
  const micro = kernelRun(config, p, undefined, broken ? summed(r, m, p.batch / m) : undefined);
  const onBatch = kernelRun({ algorithm: 'sam', rho: r, ...base } as AlgorithmConfig, p);
  const onS = kernelRun({ algorithm: 'sam', rho: r, ...base } as AlgorithmConfig, { ...p, batch: m });
  return closeTo(micro.params, onBatch.params, 1e-5) && closeTo(micro.params, onS.params, 1e-5);
}

describe('C5: identical micro-batches', () => {
  test.prop([copiesArb, rho], { numRuns: 25 })('m-SAM = SAM on S = SAM on the batch', (x, r) => {
    expect(copiesAgree(x, r)).toBe(true);
  });
  it('catches summed split gradients (Keras)', () => {
    expect(findsCounterexample(fc.tuple(copiesArb, rho), ([x, r]) => copiesAgree(x, r, true), 20)).toBe(true);
  });
});

describe('m-SAM, n-SAM, RW-SAM input errors', () => {
  const [p] = fc.sample(conditionedProblemArb({ batch: fc.constant(3) }), { numRuns: 1, seed: 1 });
  it('m must divide the batch: InvalidArgumentError naming m and its value', () => {
    const e = (() => { try { kernelRun({ algorithm: 'm-sam', m: 2, learningRate: 0.1 }, p); } catch (x) { return x; } })();
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect((e as InvalidArgumentError).parameter).toBe('m');
    expect((e as InvalidArgumentError).value).toBe(2);
  });
  it.each([
    ['m-sam', { m: 1 }, 'objective.batchSize'],
    ['n-sam', {}, 'objective.full'],
    ['rw-sam', { temperature: 1 }, 'objective.batchSize'],
  ])('%s on a plain loss closure names the missing capability', (algorithm, extra, parameter) => {
    const plain = functionObjective((params) => tf.sum(tf.square(params[0])) as Scalar);
    const e = (() => { try { kernelRun({ algorithm, ...extra, learningRate: 0.1 } as AlgorithmConfig, p, plain); } catch (x) { return x; } })();
    expect(e).toBeInstanceOf(SamcheckError);
    expect((e as SamcheckError).parameter).toBe(parameter);
  });
  it('RW-SAM throws on non-finite scores', () => {
    // f_i = −log(θ·1 + i): finite at θ_0, NaN once the ascent step h·u pushes θ·1 + i below 0.
    const logBarrier = finiteSumObjective((params, s, e) => tf.neg(tf.log(tf.add(tf.sum(params[0]), tf.range(s, e)))), 2);
    const at: Problem = { ...p, theta0: [0.5, 0.5], sizes: [2] };
    const e = (() => { try { kernelRun({ algorithm: 'rw-sam', temperature: 1, h: 10, learningRate: 0.1 }, at, logBarrier); } catch (x) { return x; } })();
    expect(e).toBeInstanceOf(NonFiniteError);
    expect((e as NonFiniteError).parameter).toBe('scores');
  });
});

describe('C9: RW-SAM (samcheck definition) limits', () => {
  test.prop([conditionedProblemArb(), rho], { numRuns: 25 })('τ = ∞ is SAM bit for bit', (p, r) => {
    const rw = kernelRun({ algorithm: 'rw-sam', temperature: 'infinity', rho: r, ...base }, p);
    const s = kernelRun({ algorithm: 'sam', rho: r, ...base } as AlgorithmConfig, p);
    expect(same(rw.params, s.params)).toBe(true);
  });
  test.prop([conditionedProblemArb({ batch: fc.constant(1) }), rho, fc.double({ min: 0.1, max: 10, noNaN: true })], { numRuns: 30 })(
    'b = 1 is SAM for every τ',
    (p, r, t) => {
      const rw = kernelRun({ algorithm: 'rw-sam', temperature: t, rho: r, ...base }, p);
      const s = kernelRun({ algorithm: 'sam', rho: r, ...base } as AlgorithmConfig, p);
      expect(closeTo(rw.params, s.params, 1e-6)).toBe(true);
    },
  );
  const scores = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 });
  test.prop([scores, fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.05, max: 100, noNaN: true })], { numRuns: 100 })(
    'weights sum to 1 and ignore a common shift of the scores',
    (s, shift, t) => {
      const [w, ws] = scoped(() => [gibbsWeights(tf.tensor1d(s), t).dataSync(), gibbsWeights(tf.tensor1d(s.map((x) => x + shift)), t).dataSync()].map((a) => Array.from(a)));
      expect(Math.abs(w.reduce((a, x) => a + x, 0) - 1)).toBeLessThanOrEqual(1e-5);
      expect(closeTo(w, ws, 1e-4)).toBe(true);
    },
  );
  it('τ = ∞ is exactly uniform', () => {
    const w = scoped(() => Array.from(gibbsWeights(tf.tensor1d([3, -1, 7]), Infinity).dataSync()));
    expect(w).toEqual([1 / 3, 1 / 3, 1 / 3].map((x) => Math.fround(x)));
  });
});
