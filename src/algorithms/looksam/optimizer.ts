import { tf } from '../../tf.js';
import type { LookSamAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';

/** LookSAM (Liu et al. 2022): a SAM step every k steps storing g_v; g + α(‖g‖/‖g_v‖)g_v from one gradient between them. */
export class LookSamOptimizer extends SharpnessAwareOptimizer {
  static override className = 'LookSamOptimizer';
  constructor(config: Omit<LookSamAlgorithmConfig, 'algorithm'> & { k: number; alpha: number }) {
    super({ ...config, algorithm: 'looksam' });
  }
}

tf.serialization.registerClass(LookSamOptimizer);
