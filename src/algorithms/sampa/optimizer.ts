import { tf } from '../../tf.js';
import type { SampaAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';

/**
 * SAMPa (Xie et al. 2024), the official train.py's form by default: the lookahead y′ is the SGD
 * step predicted with ∇f(y), so lookaheadRate, lookaheadMomentum and lookaheadWeightDecay default
 * to the config's learningRate, momentum and weightDecay (spec/variants-b.md §3). Set
 * lookaheadMomentum: 0, lookaheadWeightDecay: 0 for the paper's y′ = x − η∇f(y).
 */
export class SampaOptimizer extends SharpnessAwareOptimizer {
  static override className = 'SampaOptimizer';
  constructor(config: Omit<SampaAlgorithmConfig, 'algorithm'>) {
    super({
      lookaheadRate: config.learningRate,
      lookaheadMomentum: config.momentum,
      lookaheadWeightDecay: config.weightDecayIn === undefined || config.weightDecayIn === 'base' ? config.weightDecay : 0,
      ...config,
      algorithm: 'sampa',
    });
  }
}

tf.serialization.registerClass(SampaOptimizer);
