import type { BaseHyperparameters } from '../../kernels/config.js';
import { localGradient } from '../../kernels/estimators.js';
import type { KernelFacet } from '../descriptor.js';

export type SgdOwn = Record<never, never>;

export interface SgdAlgorithmConfig extends BaseHyperparameters {
  algorithm: 'sgd';
}

export const sgdKernel: KernelFacet<SgdOwn> = {
  defaults: {},
  resolve: () => ({}),
  estimator: () => localGradient(),
  gradientEvaluations: () => 1,
};
