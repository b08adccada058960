import { tf } from '../../tf.js';
import type { RwSamAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';
import type { Scheduled } from '../../optimizers/schedule.js';

/*
 * Needs per-sample losses. `minimize(f)` and so model.fit hand over only the batch-mean loss
 * closure, so with a finite τ the first minimize throws a typed SamcheckError (INVALID_ARGUMENT)
 * naming the missing capability (parameter 'objective.batchSize'/'objective.perSample'). To run it,
 * use the functional core: step(createAlgorithm(config, names), params, finiteSumObjective(perSampleLoss, b), state).
 */

/** RW-SAM (samcheck definition, spec/algorithms.md §8). */
export class RwSamOptimizer extends SharpnessAwareOptimizer {
  static override className = 'RwSamOptimizer';
  constructor(config: Scheduled<Omit<RwSamAlgorithmConfig, 'algorithm'>>) {
    super({ ...config, algorithm: 'rw-sam' });
  }

  /** JSON has no Infinity: τ = ∞ is written as 'infinity', which the config accepts. */
  override getConfig(): tf.serialization.ConfigDict {
    const t = (this.config as RwSamAlgorithmConfig).temperature;
    return { ...super.getConfig(), temperature: t === Infinity ? 'infinity' : t };
  }
}

tf.serialization.registerClass(RwSamOptimizer);
