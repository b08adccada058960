/**
 * Numerical guard (spec/errors.md, NON_FINITE): a non-finite loss or gradient during a step
 * leaves the variables exactly as they were and raises; with onNonFinite = 'skip' it skips.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { NonFiniteError } from '../../src/errors.js';
import { SamOptimizer } from '../../src/optimizers/index.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** log(x) is finite at x = 1 but its SAM ascent point leaves the domain when ρ > 1. */
function setup(onNonFinite: 'throw' | 'skip') {
  const x = tf.variable(tf.tensor1d([1, 2]), true, `x_${onNonFinite}_${Math.random()}`);
  const loss = () => tf.neg(tf.sum(tf.log(x))) as tf.Scalar;
  const optimizer = new SamOptimizer({ learningRate: 0.1, rho: 5, momentum: 0.9, onNonFinite });
  return { x, loss, optimizer };
}

describe('non-finite guard', () => {
  it('throws NonFiniteError and leaves variables and momentum exactly as before', () => {
    const { x, loss, optimizer } = setup('throw');
    const before = Array.from(x.dataSync());
    const tensors = tf.memory().numTensors;
    expect(() => optimizer.minimize(loss)).toThrow(NonFiniteError);
    expect(Array.from(x.dataSync())).toEqual(before);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(optimizer.iterations).toBe(0);
  });

  it("skips the step with onNonFinite = 'skip'", () => {
    const { x, loss, optimizer } = setup('skip');
    const before = Array.from(x.dataSync());
    optimizer.minimize(loss);
    expect(optimizer.lastStep.skipped).toBe(true);
    expect(Array.from(x.dataSync())).toEqual(before);
  });

  it('a finite step is not skipped (the guard is not vacuous)', () => {
    const x = tf.variable(tf.tensor1d([1, 2]), true, `x_ok_${Math.random()}`);
    const optimizer = new SamOptimizer({ learningRate: 0.1, rho: 0.05, onNonFinite: 'skip' });
    optimizer.minimize(() => tf.neg(tf.sum(tf.log(x))) as tf.Scalar);
    expect(optimizer.lastStep.skipped).toBe(false);
    expect(Array.from(x.dataSync())).not.toEqual([1, 2]);
  });
});
