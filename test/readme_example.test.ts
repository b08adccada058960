/**
 * The README's "SAM with model.fit" example, run as written (only the import path differs:
 * the README imports from 'samcheck'). Keep the two in sync.
 */
import { describe, expect, it } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import { tf, useBackend, SamOptimizer } from '../src/index.js';

describe('README example: SAM with model.fit', () => {
  it('runs on the default backend and the loss decreases', async () => {
    // ---- README snippet begins ----
    await useBackend(); // wasm by default
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 32, inputShape: [4], activation: 'relu' }),
        tfl.layers.batchNormalization(),
        tfl.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    model.compile({
      optimizer: new SamOptimizer({ learningRate: 0.05, rho: 0.05, momentum: 0.9, weightDecay: 5e-4 }),
      loss: 'categoricalCrossentropy',
      metrics: ['accuracy'],
    });
    const x = tf.randomNormal([256, 4], 0, 1, 'float32', 42);
    const y = tf.oneHot(tf.cast(tf.greater(tf.sum(x, 1), 0), 'int32'), 2);
    const history = await model.fit(x, y, { epochs: 5, batchSize: 32, verbose: 0 });
    const { loss, acc } = history.history; // per epoch; metrics are the clean pass's
    // ---- README snippet ends ----
    expect(loss).toHaveLength(5);
    expect(acc).toHaveLength(5);
    expect((loss as number[]).every(Number.isFinite)).toBe(true);
    expect(loss[4] as number).toBeLessThan(loss[0] as number);
  });
});
