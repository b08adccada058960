import type { BaseHyperparameters } from '../../kernels/config.js';
import { ascentGradient } from '../../kernels/estimators.js';
import { fullDataPerturbation } from '../../kernels/microbatch.js';
import { samPerturbation } from '../../kernels/perturbation.js';
import { samKernel, type SamOwn } from '../sam/kernel.js';
import type { KernelFacet } from '../descriptor.js';

/** n-SAM (§7): perturbation from the full-data objective (objective.full()), descent on the batch. */
export type NSamOwn = SamOwn;

export interface NSamAlgorithmConfig extends BaseHyperparameters, Partial<NSamOwn> {
  algorithm: 'n-sam';
}

export const nSamKernel: KernelFacet<NSamOwn> = {
  // SAM's radius and guard, with SAM's defaults and validation.
  defaults: samKernel.defaults,
  resolve: (given) => samKernel.resolve(given),
  estimator: (c) => fullDataPerturbation(ascentGradient(samPerturbation(c.epsilon), c.rho)),
  /** One on the full data (the clean pass), one on the batch. */
  gradientEvaluations: () => 2,
};
