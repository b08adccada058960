import { tf } from '../../tf.js';
import type { AsamAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';
import type { Scheduled } from '../../optimizers/schedule.js';

/** ASAM (Kwon et al.): apply ∇L(θ + ρ·T²g/‖Tg‖) at θ, T = |θ| + η_T. */
export class AsamOptimizer extends SharpnessAwareOptimizer {
  static override className = 'AsamOptimizer';
  constructor(config: Scheduled<Omit<AsamAlgorithmConfig, 'algorithm'>>) {
    super({ ...config, algorithm: 'asam' });
  }
}

tf.serialization.registerClass(AsamOptimizer);
