import { tf } from '../../tf.js';
import type { GsamAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';

/** GSAM (Zhuang et al. 2022; big_vision gsam.py): apply g_p − α·(g ⊥ g_p), g_p = ∇L(θ + ρ_t·ĝ). */
export class GsamOptimizer extends SharpnessAwareOptimizer {
  static override className = 'GsamOptimizer';
  constructor(config: Omit<GsamAlgorithmConfig, 'algorithm'> & { alpha: number }) {
    super({ ...config, algorithm: 'gsam' });
  }
}

tf.serialization.registerClass(GsamOptimizer);
