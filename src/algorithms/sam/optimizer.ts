import { tf } from '../../tf.js';
import type { SamAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';

/** SAM (Foret et al.): apply ∇L(θ + ρ·g/(‖g‖ + ε)) at θ. */
export class SamOptimizer extends SharpnessAwareOptimizer {
  static override className = 'SamOptimizer';
  constructor(config: Omit<SamAlgorithmConfig, 'algorithm'>) {
    super({ ...config, algorithm: 'sam' });
  }
}

tf.serialization.registerClass(SamOptimizer);
