import { InvalidArgumentError } from '../../errors.js';
import { nonNegative } from '../../validate.js';
import type { BaseHyperparameters } from '../../kernels/config.js';
import { ascentGradient } from '../../kernels/estimators.js';
import { asamPerturbation } from '../../kernels/perturbation.js';
import { DEFAULT_EPSILON, withDefaults } from '../defaults.js';
import type { KernelFacet, ParameterInfo } from '../descriptor.js';

export type AdaptiveSelection = 'all' | 'exclude-biases' | boolean[];

export interface AsamOwn {
  /** Radius of the T-scaled ball, ‖T⁻¹δ‖ = ρ (default 0.5, the official class default). */
  rho: number;
  /** Offset η_T in t = |θ| + η_T (default 0.01). */
  etaT: number;
  /** Norm guard ε (default 1e-12). */
  epsilon: number;
  /**
   * Which tensors are scaled by T: 'all' (davda54/sam's adaptive=True), 'exclude-biases'
   * (the official code: kernels and normalization scales only; biases and BatchNorm β use t = 1),
   * or one flag per parameter tensor.
   */
  adaptive: AdaptiveSelection;
}

export interface AsamAlgorithmConfig extends BaseHyperparameters, Partial<AsamOwn> {
  algorithm: 'asam';
}

/** tfjs/Keras names: '.../bias' and BatchNorm '.../beta' are the shift parameters. */
export function isShiftParameter(name: string): boolean {
  return /(^|[/_.])(bias|beta)(_\d+)?$/i.test(name);
}

export function adaptiveMask(adaptive: AdaptiveSelection, params: ParameterInfo): boolean[] {
  if (Array.isArray(adaptive)) {
    if (adaptive.length !== params.names.length) {
      throw new InvalidArgumentError('adaptive', adaptive, `one flag per parameter tensor (${params.names.length})`, 'SHAPE_MISMATCH');
    }
    return adaptive;
  }
  if (adaptive === 'exclude-biases') return params.names.map((n) => !isShiftParameter(n));
  return params.names.map(() => true);
}

export const asamKernel: KernelFacet<AsamOwn> = {
  defaults: { rho: 0.5, etaT: 0.01, epsilon: DEFAULT_EPSILON, adaptive: 'all' },
  resolve(given) {
    const r = withDefaults(asamKernel.defaults, given);
    nonNegative('rho', r.rho);
    nonNegative('etaT', r.etaT);
    nonNegative('epsilon', r.epsilon);
    const a = r.adaptive;
    if (!(a === 'all' || a === 'exclude-biases' || (Array.isArray(a) && a.every((x) => typeof x === 'boolean')))) {
      throw new InvalidArgumentError('adaptive', a, "'all', 'exclude-biases' or an array of booleans", 'UNKNOWN_OPTION');
    }
    return r;
  },
  estimator: (c, params) => ascentGradient(asamPerturbation(c.etaT, c.epsilon, adaptiveMask(c.adaptive, params)), c.rho),
  gradientEvaluations: () => 2,
};
