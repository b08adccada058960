import { nonNegative, positiveInteger } from '../../validate.js';
import type { BaseHyperparameters } from '../config.js';
import { ascentGradient } from '../estimators.js';
import { fullDataPerturbation, microBatchGradient } from '../microbatch.js';
import { samPerturbation } from '../perturbation.js';
import type { AlgorithmDefinition } from './definition.js';
import { DEFAULT_EPSILON } from './sam.js';

/** m-SAM (spec/algorithms.md §7): needs a finite-sum objective (batchSize, slice). */
export interface MSamAlgorithmConfig extends BaseHyperparameters {
  algorithm: 'm-sam';
  /** Micro-batch size m; must divide the batch size (checked at each step). */
  m: number;
  rho?: number;
  epsilon?: number;
}

/** n-SAM (§7): perturbation from the full-data objective (objective.full()), descent on the batch. */
export interface NSamAlgorithmConfig extends BaseHyperparameters {
  algorithm: 'n-sam';
  rho?: number;
  epsilon?: number;
}

function resolveRadius<C extends { rho?: number; epsilon?: number }>(c: C): C & { rho: number; epsilon: number } {
  const r = { ...c, rho: c.rho ?? 0.05, epsilon: c.epsilon ?? DEFAULT_EPSILON };
  nonNegative('rho', r.rho);
  nonNegative('epsilon', r.epsilon);
  return r;
}

export const mSamAlgorithm: AlgorithmDefinition<MSamAlgorithmConfig> = {
  name: 'm-sam',
  keys: ['m', 'rho', 'epsilon'],
  resolve(c) {
    positiveInteger('m', c.m);
    return resolveRadius(c);
  },
  estimator: (c) => microBatchGradient(ascentGradient(samPerturbation(c.epsilon!), c.rho!), c.m),
  /** In full-batch units: 2 passes over the batch, split into 2J micro-batch evaluations. */
  gradientEvaluations: () => 2,
};

export const nSamAlgorithm: AlgorithmDefinition<NSamAlgorithmConfig> = {
  name: 'n-sam',
  keys: ['rho', 'epsilon'],
  resolve: (c) => resolveRadius(c),
  estimator: (c) => fullDataPerturbation(ascentGradient(samPerturbation(c.epsilon!), c.rho!)),
  /** One on the full data (the clean pass), one on the batch. */
  gradientEvaluations: () => 2,
};
