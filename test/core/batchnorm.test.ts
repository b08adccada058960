/**
 * spec/properties.md P-BN1, P-BN2: with model.fit, a SAM-type step updates BatchNorm's moving
 * statistics exactly once, from the clean pass at θ_0, and fit reports the clean pass's metrics.
 * The reference is an SGD step from the same start on the same batch: its single forward pass at
 * θ_0 is the "one clean pass". Same backend, same ops, same inputs ⇒ bit-identical (exact equality).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backend/index.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import { SharpnessAwareOptimizer, SgdOptimizer } from '../../src/optimizers/index.js';
import { allPassesClean, optimizerWith, reportsPerturbedLoss } from '../../properties/core/broken.js';
import { bnClassifier, classificationData, movingStatistics, oneStep } from './fit_model.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const learningRate = 0.1;
// Large radii so the ascent pass's batch statistics differ visibly from the clean pass's.
const configs: AlgorithmConfig[] = [
  { algorithm: 'sam', learningRate, rho: 0.5, momentum: 0.9 },
  { algorithm: 'usam', learningRate, rho: 0.5 },
  { algorithm: 'asam', learningRate, rho: 1, adaptive: 'exclude-biases' },
];

async function afterOneStep(optimizer: SharpnessAwareOptimizer) {
  const { x, y } = classificationData(16);
  const model = bnClassifier(optimizer);
  const initial = movingStatistics(model);
  const metrics = await oneStep(model, x, y);
  return { initial, stats: movingStatistics(model), ...metrics };
}

describe('BatchNorm moving statistics are updated by the clean pass only (P-BN1)', () => {
  for (const config of configs) {
    it(`${config.algorithm}: after one step they equal those of one clean forward pass at θ_0 (an SGD step's)`, async () => {
      const sgd = await afterOneStep(new SgdOptimizer({ learningRate }));
      const sam = await afterOneStep(new SharpnessAwareOptimizer(config));
      expect(sgd.stats).not.toEqual(sgd.initial); // the clean pass did update them
      expect(sam.stats).toEqual(sgd.stats);
    });
  }

  it('negative control: a naive two-pass update (every pass treated as clean) differs', async () => {
    const sgd = await afterOneStep(new SgdOptimizer({ learningRate }));
    const naive = await afterOneStep(optimizerWith(allPassesClean, configs[0]));
    expect(naive.stats).not.toEqual(sgd.stats);
  });
});

describe('model.fit reports the clean pass’s loss and metrics (P-BN2)', () => {
  it('SAM’s first-step loss and accuracy equal an SGD step’s from the same start', async () => {
    const sgd = await afterOneStep(new SgdOptimizer({ learningRate }));
    const sam = await afterOneStep(new SharpnessAwareOptimizer(configs[0]));
    expect(sam.loss).toBe(sgd.loss);
    expect(sam.acc).toBe(sgd.acc);
  });

  it('negative control: reporting the perturbed pass’s loss differs', async () => {
    const sgd = await afterOneStep(new SgdOptimizer({ learningRate }));
    const wrong = await afterOneStep(optimizerWith(reportsPerturbedLoss, configs[0]));
    expect(wrong.loss).not.toBe(sgd.loss);
  });
});
