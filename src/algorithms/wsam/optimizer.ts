import { tf } from '../../tf.js';
import type { WsamAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';

/** WSAM (Yue et al. 2023; dlrover atorch wsam.py): g + γ/(1 − γ)·(g_p − g), decoupled by default, gradients clipped to 1. */
export class WsamOptimizer extends SharpnessAwareOptimizer {
  static override className = 'WsamOptimizer';
  constructor(config: Omit<WsamAlgorithmConfig, 'algorithm'>) {
    super({ ...config, algorithm: 'wsam' });
  }
}

tf.serialization.registerClass(WsamOptimizer);
