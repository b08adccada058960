import { tf } from '../../tf.js';
import type { SamAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';
import type { Scheduled } from '../../optimizers/schedule.js';

/** SAM (Foret et al.): apply ∇L(θ + ρ·g/(‖g‖ + ε)) at θ. */
export class SamOptimizer extends SharpnessAwareOptimizer {
  static override className = 'SamOptimizer';
  constructor(config: Scheduled<Omit<SamAlgorithmConfig, 'algorithm'>>) {
    super({ ...config, algorithm: 'sam' });
  }
}

tf.serialization.registerClass(SamOptimizer);
