import { nonNegative } from '../../validate.js';
import type { BaseHyperparameters } from '../config.js';
import { ascentGradient } from '../estimators.js';
import { samPerturbation } from '../perturbation.js';
import type { AlgorithmDefinition } from './definition.js';

export interface SamAlgorithmConfig extends BaseHyperparameters {
  algorithm: 'sam';
  /** Radius ρ of the ball the ascent step lands on (default 0.05). ρ = 0 is SGD. */
  rho?: number;
  /** Norm guard ε (default 1e-12). */
  epsilon?: number;
}

export const DEFAULT_EPSILON = 1e-12;

export const samAlgorithm: AlgorithmDefinition<SamAlgorithmConfig> = {
  name: 'sam',
  keys: ['rho', 'epsilon'],
  resolve(c) {
    const r = { ...c, rho: c.rho ?? 0.05, epsilon: c.epsilon ?? DEFAULT_EPSILON };
    nonNegative('rho', r.rho);
    nonNegative('epsilon', r.epsilon);
    return r;
  },
  estimator: (c) => ascentGradient(samPerturbation(c.epsilon!), c.rho!),
  gradientEvaluations: () => 2,
};
