import * as tfl from '@tensorflow/tfjs-layers';
import type { SharpnessAwareOptimizer } from './sharpness_aware_optimizer.js';

/** Per-epoch values of the schedulable hyperparameters (epoch is 0-based). */
export interface EpochSchedules {
  learningRate?: (epoch: number) => number;
  rho?: (epoch: number) => number;
}

/**
 * A tfjs-layers callback (`model.fit(x, y, { callbacks: [hyperparameterScheduler(opt, {...})] })`)
 * that sets the learning rate and/or ρ at the start of every epoch. For per-step schedules pass
 * `(step) => number` in the optimizer's config instead.
 */
export function hyperparameterScheduler(optimizer: SharpnessAwareOptimizer, schedules: EpochSchedules): tfl.CustomCallback {
  return new tfl.CustomCallback({
    onEpochBegin: async (epoch: number) => {
      if (schedules.learningRate) optimizer.setLearningRate(schedules.learningRate(epoch));
      if (schedules.rho) optimizer.setRho(schedules.rho(epoch));
    },
  });
}
