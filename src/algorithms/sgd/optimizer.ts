import { tf } from '../../tf.js';
import type { SgdAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';
import type { Scheduled } from '../../optimizers/schedule.js';

/** plain SGD (torch semantics); the baseline every SAM variant is measured against. */
export class SgdOptimizer extends SharpnessAwareOptimizer {
  static override className = 'SgdOptimizer';
  constructor(config: Scheduled<Omit<SgdAlgorithmConfig, 'algorithm'>>) {
    super({ ...config, algorithm: 'sgd' });
  }
}

tf.serialization.registerClass(SgdOptimizer);
