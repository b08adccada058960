import { nonNegative, positive } from '../../validate.js';
import type { BaseHyperparameters } from '../../kernels/config.js';
import { reweightedGradient } from '../../kernels/rwsam.js';
import { DEFAULT_EPSILON, DERIVED, withDefaults } from '../defaults.js';
import { REQUIRED, type KernelFacet } from '../descriptor.js';

/** RW-SAM, samcheck definition (spec/algorithms.md §8). Label results "RW-SAM (samcheck definition)". */
export interface RwSamOwn {
  /** Gibbs temperature τ ∈ (0, ∞] (required: no published default). 'infinity' (JSON-safe) or Infinity = uniform weights = SAM. */
  temperature: number | 'infinity';
  rho: number;
  /** Finite-difference step h > 0 (default ρ). */
  h: number;
  epsilon: number;
}

export interface RwSamAlgorithmConfig extends BaseHyperparameters, Partial<Omit<RwSamOwn, 'temperature'>> {
  algorithm: 'rw-sam';
  temperature: number | 'infinity';
}

export function temperatureValue(t: unknown): number {
  if (t === 'infinity' || t === Infinity) return Infinity;
  return positive('temperature', t);
}

export const rwSamKernel: KernelFacet<RwSamOwn> = {
  defaults: { temperature: REQUIRED, rho: 0.05, h: DERIVED as never, epsilon: DEFAULT_EPSILON },
  resolve(given) {
    const r = withDefaults(rwSamKernel.defaults, given);
    temperatureValue(r.temperature);
    r.h ??= r.rho;
    nonNegative('rho', r.rho);
    positive('h', r.h);
    nonNegative('epsilon', r.epsilon);
    return r;
  },
  estimator: (c) => reweightedGradient({ rho: c.rho, temperature: temperatureValue(c.temperature), h: c.h, epsilon: c.epsilon }),
  gradientEvaluations: (c) => (temperatureValue(c.temperature) === Infinity ? 2 : 3),
};
