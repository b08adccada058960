/** spec/bases.md §8 B6: no base kernel leaks a tensor — tf.memory().numTensors flat across steps, on a failing update too. */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { BASES } from './bases.js';
import { disposeReplaced, tensorsOf } from './harness.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** Own options that keep every optional state tensor alive (momentum buffers, AMSGrad, centered). */
const fullOwn: Record<string, Record<string, unknown>> = {
  sgd: { momentum: 0.9, dampening: 0, nesterov: true },
  adam: { amsgrad: true },
  adamw: { amsgrad: true, biasCorrection: 'float32' },
  rmsprop: { momentum: 0.5, centered: true },
  adagrad: { lrDecay: 0.1, epsilonPlacement: 'inside' },
};

describe('B6: tf.memory().numTensors is flat across 50 steps of every base × placement', () => {
  for (const d of BASES) {
    for (const weightDecayIn of d.placements) {
      it(`${d.name}, '${weightDecayIn}'`, () => {
        const kernel = d.kernel({ ...d.defaults, ...fullOwn[d.name] }, { learningRate: 0.01, weightDecay: 0.01, weightDecayIn });
        const start = tf.memory().numTensors;
        let params = [tf.tensor([0.5, -0.3]), tf.tensor([[1, 2], [3, 4]])];
        let state = kernel.init(params);
        let afterFirst = 0;
        for (let t = 0; t < 50; t++) {
          const grads = params.map((p) => tf.mul(p, 0.1 * (t % 3) - 0.05));
          const next = kernel.update(grads, state, params, t);
          disposeReplaced(state, next.state);
          tf.dispose([...grads, ...params]);
          ({ params, state } = next);
          if (t === 0) afterFirst = tf.memory().numTensors;
        }
        expect(tf.memory().numTensors).toBe(afterFirst);
        // A gradient of the wrong shape fails inside the update and leaves nothing behind.
        const before = tf.memory().numTensors;
        const wrong = [tf.zeros([3]), tf.zeros([2, 2])];
        expect(() => kernel.update(wrong, state, params, 50)).toThrow();
        tf.dispose(wrong);
        expect(tf.memory().numTensors).toBe(before);
        tf.dispose([...params, ...tensorsOf(state)]);
        expect(tf.memory().numTensors).toBe(start);
      });
    }
  }
});
