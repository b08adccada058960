import { InvalidArgumentError } from '../../errors.js';
import { nonNegative, positive } from '../../validate.js';
import type { BaseHyperparameters } from '../config.js';
import { reweightedGradient } from '../rwsam.js';
import type { AlgorithmDefinition } from './definition.js';
import { DEFAULT_EPSILON } from './sam.js';

/** RW-SAM, samcheck definition (spec/algorithms.md §8). Label results "RW-SAM (samcheck definition)". */
export interface RwSamAlgorithmConfig extends BaseHyperparameters {
  algorithm: 'rw-sam';
  /** Gibbs temperature τ ∈ (0, ∞] (required: no published default). 'infinity' (JSON-safe) or Infinity = uniform weights = SAM. */
  temperature: number | 'infinity';
  rho?: number;
  /** Finite-difference step h > 0 (default ρ). */
  h?: number;
  epsilon?: number;
}

export function temperatureValue(t: unknown): number {
  if (t === 'infinity' || t === Infinity) return Infinity;
  return positive('temperature', t);
}

export const rwSamAlgorithm: AlgorithmDefinition<RwSamAlgorithmConfig> = {
  name: 'rw-sam',
  keys: ['temperature', 'rho', 'h', 'epsilon'],
  resolve(c) {
    if (c.temperature === undefined) throw new InvalidArgumentError('temperature', undefined, "a number > 0 or 'infinity' (required)");
    temperatureValue(c.temperature);
    const rho = c.rho ?? 0.05;
    const r = { ...c, rho, h: c.h ?? rho, epsilon: c.epsilon ?? DEFAULT_EPSILON };
    nonNegative('rho', r.rho);
    positive('h', r.h);
    nonNegative('epsilon', r.epsilon);
    return r;
  },
  estimator: (c) => reweightedGradient({ rho: c.rho!, temperature: temperatureValue(c.temperature), h: c.h!, epsilon: c.epsilon! }),
  gradientEvaluations: (c) => (temperatureValue(c.temperature) === Infinity ? 2 : 3),
};
