import { nonNegative, positiveInteger } from '../../validate.js';
import type { BaseHyperparameters } from '../../kernels/config.js';
import { ascentGradient } from '../../kernels/estimators.js';
import { microBatchGradient } from '../../kernels/microbatch.js';
import { samPerturbation } from '../../kernels/perturbation.js';
import { DEFAULT_EPSILON, withDefaults } from '../defaults.js';
import { REQUIRED, type KernelFacet } from '../descriptor.js';

/** m-SAM (spec/algorithms.md §7): needs a finite-sum objective (batchSize, slice). */
export interface MSamOwn {
  /** Micro-batch size m; must divide the batch size (checked at each step). */
  m: number;
  rho: number;
  epsilon: number;
}

export interface MSamAlgorithmConfig extends BaseHyperparameters, Partial<Omit<MSamOwn, 'm'>> {
  algorithm: 'm-sam';
  m: number;
}

export const mSamKernel: KernelFacet<MSamOwn> = {
  defaults: { m: REQUIRED, rho: 0.05, epsilon: DEFAULT_EPSILON },
  resolve(given) {
    const r = withDefaults(mSamKernel.defaults, given);
    positiveInteger('m', r.m);
    nonNegative('rho', r.rho);
    nonNegative('epsilon', r.epsilon);
    return r;
  },
  estimator: (c) => microBatchGradient(ascentGradient(samPerturbation(c.epsilon), c.rho), c.m),
  /** In full-batch units: 2 passes over the batch, split into 2J micro-batch evaluations. */
  gradientEvaluations: () => 2,
};
