import { nonNegative } from '../../validate.js';
import type { BaseHyperparameters } from '../../kernels/config.js';
import { ascentGradient } from '../../kernels/estimators.js';
import { samPerturbation } from '../../kernels/perturbation.js';
import { DEFAULT_EPSILON, withDefaults } from '../defaults.js';
import type { KernelFacet } from '../descriptor.js';

export interface SamOwn {
  /** Radius ρ of the ball the ascent step lands on (default 0.05). ρ = 0 is SGD. */
  rho: number;
  /** Norm guard ε (default 1e-12). */
  epsilon: number;
}

export interface SamAlgorithmConfig extends BaseHyperparameters, Partial<SamOwn> {
  algorithm: 'sam';
}

export const samKernel: KernelFacet<SamOwn> = {
  defaults: { rho: 0.05, epsilon: DEFAULT_EPSILON },
  resolve(given) {
    const r = withDefaults(samKernel.defaults, given);
    nonNegative('rho', r.rho);
    nonNegative('epsilon', r.epsilon);
    return r;
  },
  estimator: (c) => ascentGradient(samPerturbation(c.epsilon), c.rho),
  gradientEvaluations: () => 2,
};
