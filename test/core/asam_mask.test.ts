/**
 * Which tensors ASAM scales by T (spec/algorithms.md §4, `adaptive`), checked directly: the
 * kernel-vs-oracle properties build the oracle's mask with the same `adaptiveMask`, so a wrong mask
 * fools both sides (spec/mutation.md). 'exclude-biases' leaves exactly the Keras shift parameters
 * ('…/bias', BatchNorm '…/beta', with an optional '_<n>' uniquifier) unscaled.
 */
import { describe, expect, it } from 'vitest';
import { SamcheckError } from '../../src/errors.js';
import { adaptiveMask, isShiftParameter } from '../../src/algorithms/asam/kernel.js';
import { createAlgorithm } from '../../src/kernels/step.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';

describe('isShiftParameter: Keras bias and BatchNorm beta names', () => {
  it.each(['bias', 'dense/bias', 'dense_1/bias_1', 'bn/beta_12', 'Conv.BIAS', 'a_bias'])('%s is a shift parameter', (name) =>
    expect(isShiftParameter(name)).toBe(true),
  );
  it.each(['dense/kernel', 'dense/bias/kernel', 'dense/biased', 'dense/bias_x', 'unbias', 'bn/gamma', 'dense/bias_'])('%s is not', (name) =>
    expect(isShiftParameter(name)).toBe(false),
  );
});

describe('adaptiveMask', () => {
  const params = { names: ['dense/kernel', 'dense/bias', 'bn/gamma', 'bn/beta'] };
  it("'all' scales every tensor, biases included", () => expect(adaptiveMask('all', params)).toEqual([true, true, true, true]));
  it("'exclude-biases' scales all but the shift parameters", () => expect(adaptiveMask('exclude-biases', params)).toEqual([true, false, true, false]));
  it('an explicit flag list is used as given', () => expect(adaptiveMask([false, true, true, false], params)).toEqual([false, true, true, false]));
  it('a flag list of the wrong length is a SHAPE_MISMATCH naming adaptive', () => {
    expect(() => adaptiveMask([true], params)).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH', parameter: 'adaptive' }));
  });
});

describe('ASAM rejects an adaptive value that is not an option or a boolean list', () => {
  const names = { names: ['dense/kernel', 'dense/bias'] };
  const create = (adaptive: unknown) => () => createAlgorithm({ algorithm: 'asam', learningRate: 0.1, adaptive } as unknown as AlgorithmConfig, names);
  it.each([['some'], [[true, 1]], [[1, true]]])('%j → UNKNOWN_OPTION', (adaptive) => {
    expect(create(adaptive)).toThrow(SamcheckError);
    expect(create(adaptive)).toThrow(expect.objectContaining({ code: 'UNKNOWN_OPTION', parameter: 'adaptive' }));
  });
  it.each([['all'], ['exclude-biases'], [[true, false]]])('%j is accepted', (adaptive) => expect(create(adaptive)).not.toThrow());
});
