import { tf } from '../../tf.js';
import type { MSamAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';
import type { Scheduled } from '../../optimizers/schedule.js';

/*
 * Needs per-sample losses / the full-data loss. `minimize(f)` and so model.fit hand over only the
 * batch-mean loss closure, so the first minimize throws a typed SamcheckError (INVALID_ARGUMENT)
 * naming the missing capability (parameter 'objective.batchSize/slice'). To run it, use the functional core:
 * step(createAlgorithm(config, names), params, finiteSumObjective(perSampleLoss, b), state).
 */

/** m-SAM: per-micro-batch SAM perturbations, gradients averaged (spec/algorithms.md §7). */
export class MSamOptimizer extends SharpnessAwareOptimizer {
  static override className = 'MSamOptimizer';
  constructor(config: Scheduled<Omit<MSamAlgorithmConfig, 'algorithm'>>) {
    super({ ...config, algorithm: 'm-sam' });
  }
}

tf.serialization.registerClass(MSamOptimizer);
