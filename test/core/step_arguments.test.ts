/**
 * spec/errors.md INVALID_ARGUMENT and SHAPE_MISMATCH for the functional core: malformed parameters,
 * an objective whose gradients do not match them, and malformed finite sums are typed errors that
 * name the offending argument, raised before an estimator uses them (every gradient pass is
 * checked), and leak no tensor. Added for the mutation run (spec/mutation.md): none of these
 * guards was exercised, and writing this test found that a gradient count mismatch escaped from
 * SAM's ascent as a tfjs error (the check ran only after the estimator).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { createAlgorithm, initState, step } from '../../src/kernels/step.js';
import { finiteSumObjective } from '../../src/kernels/finite_sum.js';
import { functionObjective } from '../../src/kernels/objective.js';
import { localGradient } from '../../src/kernels/estimators.js';
import { microBatchGradient } from '../../src/kernels/microbatch.js';
import type { Objective, Tree } from '../../src/kernels/types.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const sam = () => createAlgorithm({ algorithm: 'sam', learningRate: 0.1, rho: 0.05 }, { names: ['w', 'b'] });
const quadratic = functionObjective((p) => tf.addN(p.map((x) => tf.sum(tf.square(x)))) as tf.Scalar);

/** The error `run` throws, checked for its code and parameter; the tensor count must be unchanged. */
function expectRejected(run: () => unknown, code: string, parameter: string): void {
  const before = tf.memory().numTensors;
  expect(run).toThrow(expect.objectContaining({ code, parameter }));
  expect(tf.memory().numTensors).toBe(before);
}

describe('step: malformed parameters are INVALID_ARGUMENT naming them', () => {
  const state = { iteration: 0, estimator: undefined, base: { buffer: null } };
  it.each([
    ['not an array', () => tf.scalar(1) as unknown as Tree, 'params'],
    ['empty', () => [], 'params'],
    ['a number among tensors', () => [tf.tensor1d([1]), 2 as unknown as tf.Tensor], 'params[1]'],
    ['a disposed tensor', () => [tf.tensor1d([1]), disposed()], 'params[1]'],
    ['an int32 tensor', () => [tf.tensor1d([1]), tf.tensor1d([1], 'int32')], 'params[1].dtype'],
  ] as const)('%s', (_what, make, parameter) => {
    const params = make();
    expectRejected(() => step(sam(), params, quadratic, state), 'INVALID_ARGUMENT', parameter);
    tf.dispose(params);
  });
});

function disposed(): tf.Tensor {
  const t = tf.tensor1d([1]);
  t.dispose();
  return t;
}

describe('step: gradients that do not match the parameters are SHAPE_MISMATCH', () => {
  const params = () => [tf.tensor1d([1, 2]), tf.tensor2d([[1, 2]])];
  /** An objective returning the given gradients (fresh tensors per pass). */
  const returning = (grads: () => Tree): Objective => ({
    valueAndGrad: () => ({ value: tf.scalar(1), grads: grads() }),
    value: () => tf.scalar(1),
  });
  it.each([
    ['one gradient for two tensors', () => [tf.ones([2])], 'gradients'],
    ['three gradients for two tensors', () => [tf.ones([2]), tf.ones([1, 2]), tf.ones([1])], 'gradients'],
    ['a gradient of another rank', () => [tf.ones([2]), tf.ones([2])], 'gradients[1].shape'],
    ['a gradient of another size', () => [tf.ones([3]), tf.ones([1, 2])], 'gradients[0].shape'],
    ['a transposed gradient', () => [tf.ones([2]), tf.ones([2, 1])], 'gradients[1].shape'],
    ['a lower-rank gradient with the same leading dimension', () => [tf.ones([2]), tf.ones([1])], 'gradients[1].shape'],
    ['a gradient differing in one dimension only', () => [tf.ones([2]), tf.ones([1, 3])], 'gradients[1].shape'],
  ] as const)('%s', (_what, grads, parameter) => {
    const p = params();
    const algorithm = sam();
    const state = initState(algorithm, p);
    expectRejected(() => step(algorithm, p, returning(grads), state), 'SHAPE_MISMATCH', parameter);
    tf.dispose(p);
  });
});

describe('finiteSumObjective: malformed batch sizes and slices are INVALID_ARGUMENT', () => {
  const perSample = (params: Tree, s: number, e: number) => tf.mul(tf.sum(params[0]), tf.range(s, e));
  it.each([[0], [-1], [1.5], [Number.NaN]])('batchSize %s', (batchSize) => {
    expectRejected(() => finiteSumObjective(perSample, batchSize), 'INVALID_ARGUMENT', 'batchSize');
  });
  it.each([
    [-1, 2],
    [2, 2],
    [3, 2],
    [0, 5],
    [0.5, 2],
    [0, 2.5],
  ])('slice(%s, %s) of a batch of 4', (s, e) => {
    expectRejected(() => finiteSumObjective(perSample, 4).slice!(s, e), 'INVALID_ARGUMENT', 'slice');
    expect(() => finiteSumObjective(perSample, 4).slice!(s, e)).toThrow(expect.objectContaining({ value: [s, e] }));
  });
  it('a slice of a slice counts from the slice: samples [1, 3) of [1, 4) are samples 2 and 3', () => {
    const sliced = finiteSumObjective(perSample, 4).slice!(1, 4);
    expect(sliced.batchSize).toBe(3);
    expect(sliced.slice!(0, 3).batchSize).toBe(3);
    expect(() => sliced.slice!(0, 4)).toThrow(expect.objectContaining({ parameter: 'slice' }));
    const params = [tf.tensor1d([1])];
    expect(Array.from(sliced.slice!(1, 3).perSample!(params, { kind: 'clean', index: 0 }).dataSync())).toEqual([2, 3]);
    tf.dispose(params);
  });
});

describe('a finite sum built without full data has no `full` view', () => {
  it('so n-SAM on it is INVALID_ARGUMENT naming objective.full, not a TypeError', () => {
    const perSample = (params: Tree, s: number, e: number) => tf.mul(tf.sum(params[0]), tf.range(s, e));
    const objective = finiteSumObjective(perSample, 2);
    expect(objective.full).toBeUndefined();
    const nSam = createAlgorithm({ algorithm: 'n-sam', learningRate: 0.1 }, { names: ['w'] });
    const params = [tf.tensor1d([1])];
    expectRejected(() => step(nSam, params, objective, initState(nSam, params)), 'INVALID_ARGUMENT', 'objective.full');
    tf.dispose(params);
  });
});

describe('microBatchGradient (public): m must be a positive integer dividing the batch', () => {
  const perSample = (params: Tree, s: number, e: number) => tf.mul(tf.sum(params[0]), tf.range(s, e));
  const ctx = { iteration: 0, record: false, passCounter: { next: 0 } };
  // 1.5 divides 6 (6 % 1.5 = 0): only the integer check rejects it.
  it.each([[1.5], [0.5], [0], [-2], [4], [Number.NaN]])('m = %s with a batch of 6 is INVALID_HYPERPARAMETER naming m', (m) => {
    const params = [tf.tensor1d([1])];
    expectRejected(() => microBatchGradient(localGradient(), m).estimate(params, finiteSumObjective(perSample, 6), null, ctx), 'INVALID_HYPERPARAMETER', 'm');
    tf.dispose(params);
  });
});
