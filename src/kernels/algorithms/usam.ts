import { nonNegative } from '../../validate.js';
import type { BaseHyperparameters } from '../config.js';
import { ascentGradient } from '../estimators.js';
import { usamPerturbation } from '../perturbation.js';
import type { AlgorithmDefinition } from './definition.js';

export interface UsamAlgorithmConfig extends BaseHyperparameters {
  algorithm: 'usam';
  /** Step multiplier: δ = ρ·g, so ‖δ‖ = ρ‖g‖ (default 0.05). */
  rho?: number;
}

export const usamAlgorithm: AlgorithmDefinition<UsamAlgorithmConfig> = {
  name: 'usam',
  keys: ['rho'],
  resolve(c) {
    const r = { ...c, rho: c.rho ?? 0.05 };
    nonNegative('rho', r.rho);
    return r;
  },
  estimator: (c) => ascentGradient(usamPerturbation(), c.rho!),
  gradientEvaluations: () => 2,
};
