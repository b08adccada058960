import { nonNegative } from '../../validate.js';
import type { BaseHyperparameters } from '../../kernels/config.js';
import { ascentGradient } from '../../kernels/estimators.js';
import { usamPerturbation } from '../../kernels/perturbation.js';
import { withDefaults } from '../defaults.js';
import type { KernelFacet } from '../descriptor.js';

export interface UsamOwn {
  /** Step multiplier: δ = ρ·g, so ‖δ‖ = ρ‖g‖ (default 0.05). */
  rho: number;
}

export interface UsamAlgorithmConfig extends BaseHyperparameters, Partial<UsamOwn> {
  algorithm: 'usam';
}

export const usamKernel: KernelFacet<UsamOwn> = {
  defaults: { rho: 0.05 },
  resolve(given) {
    const r = withDefaults(usamKernel.defaults, given);
    nonNegative('rho', r.rho);
    return r;
  },
  estimator: (c) => ascentGradient(usamPerturbation(), c.rho),
  gradientEvaluations: () => 2,
};
