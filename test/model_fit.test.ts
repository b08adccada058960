import { describe, expect, it, beforeAll } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import { tf } from '../src/tf.js';
import { useBackend } from '../src/backend/index.js';
import { SamOptimizer } from '../src/optimizers/index.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

function data(n: number) {
  const x = tf.randomNormal([n, 4], 0, 1, 'float32', 1);
  const y = tf.oneHot(tf.cast(tf.greater(tf.sum(x, 1), 0), 'int32'), 2);
  return { x, y };
}

describe('model.fit with a SAM optimizer', () => {
  it('trains, keeps the tensor count flat, and updates BatchNorm statistics on the clean pass only', async () => {
    const build = (optimizer: tf.Optimizer) => {
      const model = tfl.sequential();
      model.add(tfl.layers.dense({ units: 8, inputShape: [4], activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) }));
      model.add(tfl.layers.batchNormalization({ momentum: 0.5 }));
      model.add(tfl.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }));
      model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      return model;
    };
    const { x, y } = data(64);
    const model = build(new SamOptimizer({ learningRate: 0.1, rho: 0.05 }));
    await model.fit(x, y, { epochs: 1, batchSize: 16, shuffle: false, verbose: 0 });
    const before = tf.memory().numTensors;
    const h = await model.fit(x, y, { epochs: 3, batchSize: 16, shuffle: false, verbose: 0 });
    expect(tf.memory().numTensors).toBe(before);
    expect(h.history.loss.every((l) => Number.isFinite(l as number))).toBe(true);
    expect(h.history.loss[2] as number).toBeLessThan(h.history.loss[0] as number);
  });
});
