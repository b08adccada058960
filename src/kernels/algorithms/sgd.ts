import type { BaseHyperparameters } from '../config.js';
import { localGradient } from '../estimators.js';
import type { AlgorithmDefinition } from './definition.js';

export interface SgdAlgorithmConfig extends BaseHyperparameters {
  algorithm: 'sgd';
}

export const sgdAlgorithm: AlgorithmDefinition<SgdAlgorithmConfig> = {
  name: 'sgd',
  keys: [],
  resolve: (c) => ({ ...c }),
  estimator: () => localGradient(),
  gradientEvaluations: () => 1,
};
