import { tf } from '../../tf.js';
import type { MomentumSamAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';

/**
 * Momentum-SAM (Becker et al. 2024): one gradient per step, at θ − ρ·v/(‖v‖ + ε) with v the
 * heavy-ball buffer of past gradients. The official optimizer is
 * { momentum: 0.9, beta: 0.9, rho: 0.3, weightDecayIn: 'loss' } (spec/variants-b.md §1).
 */
export class MomentumSamOptimizer extends SharpnessAwareOptimizer {
  static override className = 'MomentumSamOptimizer';
  constructor(config: Omit<MomentumSamAlgorithmConfig, 'algorithm'>) {
    super({ ...config, algorithm: 'momentum-sam' });
  }
}

tf.serialization.registerClass(MomentumSamOptimizer);
