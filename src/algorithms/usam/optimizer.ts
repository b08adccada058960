import { tf } from '../../tf.js';
import type { UsamAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';
import type { Scheduled } from '../../optimizers/schedule.js';

/** USAM: apply ∇L(θ + ρ·g) at θ. */
export class UsamOptimizer extends SharpnessAwareOptimizer {
  static override className = 'UsamOptimizer';
  constructor(config: Scheduled<Omit<UsamAlgorithmConfig, 'algorithm'>>) {
    super({ ...config, algorithm: 'usam' });
  }
}

tf.serialization.registerClass(UsamOptimizer);
