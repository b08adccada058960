/**
 * disposeReplaced (public; used by the optimizers after every step) frees exactly the tensors of the
 * previous state that the next state no longer holds. A skipped step (onNonFinite = 'skip') returns
 * the same state, whose momentum buffer must survive; a real step replaces it, and the old one is
 * freed. Added for the mutation run (spec/mutation.md): no test carried a tensor over.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { functionObjective } from '../../src/kernels/objective.js';
import { createAlgorithm, disposeReplaced, initState, step, tensorsIn } from '../../src/kernels/step.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** −Σ log θ: finite at θ = (1, 2), NaN at SAM's ascent point when ρ = 5. */
const logBarrier = functionObjective((p) => tf.neg(tf.sum(tf.log(p[0]))) as tf.Scalar);

describe('disposeReplaced', () => {
  it('keeps what the next state still holds (a skipped step), frees what it replaced (a real step)', () => {
    const config = { algorithm: 'sam' as const, learningRate: 0.01, momentum: 0.9, onNonFinite: 'skip' as const };
    const small = createAlgorithm({ ...config, rho: 0.05 }, { names: ['x'] });
    const huge = createAlgorithm({ ...config, rho: 5 }, { names: ['x'] });
    const params = [tf.tensor1d([1, 2])];
    const first = step(small, params, logBarrier, initState(small, params));
    const buffer = tensorsIn(first.state);
    expect(buffer.length).toBeGreaterThan(0);

    const skipped = step(huge, first.params, logBarrier, first.state);
    expect(skipped.skipped).toBe(true);
    disposeReplaced(first.state, skipped.state);
    expect(buffer.every((t) => !t.isDisposed)).toBe(true);

    const taken = step(small, first.params, logBarrier, skipped.state);
    disposeReplaced(skipped.state, taken.state);
    expect(buffer.every((t) => t.isDisposed)).toBe(true);
    tf.dispose([...params, ...first.params, ...taken.params, ...tensorsIn(taken.state), ...tensorsIn([first.info, skipped.info, taken.info])]);
  });
});
