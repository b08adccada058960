import { tf } from '../../tf.js';
import type { VassoAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';

/** VaSSO (Li & Giannakis 2023): SAM perturbed along an EMA of gradients, d ← (1 − θ)·d + θ·g (spec/variants-b.md §2). */
export class VassoOptimizer extends SharpnessAwareOptimizer {
  static override className = 'VassoOptimizer';
  constructor(config: Omit<VassoAlgorithmConfig, 'algorithm'>) {
    super({ ...config, algorithm: 'vasso' });
  }
}

tf.serialization.registerClass(VassoOptimizer);
