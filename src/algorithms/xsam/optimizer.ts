import { tf } from '../../tf.js';
import type { XsamAlgorithmConfig } from './kernel.js';
import { SharpnessAwareOptimizer } from '../../optimizers/sharpness_aware_optimizer.js';
import type { Scheduled } from '../../optimizers/schedule.js';

export type XsamOptimizerConfig = Scheduled<Omit<XsamAlgorithmConfig, 'algorithm'>> & {
  /**
   * Batches per epoch. The optimizer cannot see epoch boundaries, so the reference schedule
   * ("probe on the first minibatch of each epoch") needs this: it sets probeInterval. Without it
   * (and without probeInterval) α is re-probed every step. model.fit must run whole epochs.
   */
  stepsPerEpoch?: number;
};

/** XSAM (Chen & Zhou; the official code's rule): update ‖g_k‖·v(α), α chosen by probing L(θ_0 + ρ_max·v(α)). */
export class XsamOptimizer extends SharpnessAwareOptimizer {
  static override className = 'XsamOptimizer';
  constructor({ stepsPerEpoch, ...config }: XsamOptimizerConfig) {
    super({ ...config, ...(stepsPerEpoch !== undefined ? { probeInterval: stepsPerEpoch } : {}), algorithm: 'xsam' });
  }
}

tf.serialization.registerClass(XsamOptimizer);
