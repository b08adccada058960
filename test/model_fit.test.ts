/**
 * spec/properties.md P-LEAK2: model.fit with a SAM-type optimizer (BatchNorm model, momentum, so
 * optimizer state and frozen BatchNorm state are both exercised) keeps tf.memory().numTensors flat
 * across epochs, and training makes progress. BatchNorm correctness is test/core/batchnorm.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../src/tf.js';
import { useBackend } from '../src/backend/index.js';
import type { AlgorithmConfig } from '../src/algorithms/index.js';
import { SharpnessAwareOptimizer } from '../src/optimizers/index.js';
import { leaksTensor, optimizerWith } from '../properties/core/broken.js';
import { bnClassifier, classificationData } from './core/fit_model.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** Tensor count before and after `epochs` more epochs (after one warm-up epoch that creates the optimizer state). */
async function countsAcrossEpochs(optimizer: tf.Optimizer, epochs: number) {
  const { x, y } = classificationData(64);
  const model = bnClassifier(optimizer);
  const fit = (n: number) => model.fit(x, y, { epochs: n, batchSize: 16, shuffle: false, verbose: 0 });
  await fit(1);
  const before = tf.memory().numTensors;
  const h = await fit(epochs);
  return { before, after: tf.memory().numTensors, loss: h.history.loss as number[] };
}

const configs: AlgorithmConfig[] = [
  { algorithm: 'sam', learningRate: 0.1, rho: 0.05, momentum: 0.9, weightDecay: 5e-4 },
  { algorithm: 'asam', learningRate: 0.1, rho: 0.5, adaptive: 'exclude-biases', weightDecay: 5e-4, weightDecayIn: 'loss' },
];

describe('model.fit with a sharpness-aware optimizer', () => {
  for (const config of configs) {
    it(`${config.algorithm}: tf.memory().numTensors is flat over 3 epochs and the loss decreases`, async () => {
      const { before, after, loss } = await countsAcrossEpochs(new SharpnessAwareOptimizer(config), 3);
      expect(after).toBe(before);
      expect(loss.every(Number.isFinite)).toBe(true);
      expect(loss[2]).toBeLessThan(loss[0]);
    });
  }

  it('negative control: a step that keeps one tensor is detected', async () => {
    const { before, after } = await countsAcrossEpochs(optimizerWith(leaksTensor, configs[0]), 1);
    expect(after).toBeGreaterThan(before);
  });
});
