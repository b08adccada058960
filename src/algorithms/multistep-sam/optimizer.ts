import { tf } from '../../tf.js';
import type { MultiStepSamAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';
import type { Scheduled } from '../../optimizers/schedule.js';

/** Multi-step SAM: k normalized ascent steps (fixed path length ρ, or projected onto the ρ-ball), k + 1 passes. */
export class MultiStepSamOptimizer extends SharpnessAwareOptimizer {
  static override className = 'MultiStepSamOptimizer';
  constructor(config: Scheduled<Omit<MultiStepSamAlgorithmConfig, 'algorithm'>>) {
    super({ ...config, algorithm: 'multistep-sam' });
  }
}

tf.serialization.registerClass(MultiStepSamOptimizer);
