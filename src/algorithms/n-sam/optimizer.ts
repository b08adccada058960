import { tf } from '../../tf.js';
import type { NSamAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';
import type { Scheduled } from '../../optimizers/schedule.js';

/*
 * Needs per-sample losses / the full-data loss. `minimize(f)` and so model.fit hand over only the
 * batch-mean loss closure, so the first minimize throws a typed SamcheckError (INVALID_ARGUMENT)
 * naming the missing capability (parameter 'objective.full'). To run it, use the functional core:
 * step(createAlgorithm(config, names), params, finiteSumObjective(perSampleLoss, b), state).
 */

/** n-SAM: perturbation from the full-data gradient (spec/algorithms.md §7). */
export class NSamOptimizer extends SharpnessAwareOptimizer {
  static override className = 'NSamOptimizer';
  constructor(config: Scheduled<Omit<NSamAlgorithmConfig, 'algorithm'>>) {
    super({ ...config, algorithm: 'n-sam' });
  }
}

tf.serialization.registerClass(NSamOptimizer);
