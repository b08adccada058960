import { InvalidArgumentError } from '../../errors.js';
import { boolean, nonNegative, oneOf, positive, positiveInteger, MAX_ASCENT_STEPS, MAX_PROBES } from '../../validate.js';
import type { BaseHyperparameters } from '../../kernels/config.js';
import { alphaGrid, xsamGradient, type AngleFormula } from '../../kernels/xsam.js';
import { DEFAULT_EPSILON, withDefaults } from '../defaults.js';
import type { KernelFacet } from '../descriptor.js';

/** XSAM, faithful to the official code (Cccjl219/XSAM; spec/algorithms.md §6). Defaults are the code's. */
export interface XsamOwn {
  /** Total ascent path length ρ (default 0.15; the code's --rho, before its division by k). */
  rho: number;
  /** Ascent steps k (default 1); k + 1 gradient evaluations per step. */
  steps: number;
  /** Probe radius ρ_max (default 0.3). */
  rhoMax: number;
  /** The static α, or the α used until the first probe (default 1). */
  alpha: number;
  /** Re-choose α by probing (default true: XSAM). false = static slerp (α = 1: SAM, α = 0, k = 1: "SGD+"). */
  dynamic: boolean;
  /** Top of the α grid (default 2) and its step (default 0.1). */
  alphaMax: number;
  alphaDelta: number;
  /**
   * Probe at iterations 0, P, 2P, … (default 1: every step, the analytic/full-batch setting of X5).
   * P = batches per epoch reproduces the reference's "first minibatch of each epoch".
   */
  probeInterval: number;
  /** Start the probe's running maximum at 0 with α = 0, as the reference does (hazard H4; default false: −∞). */
  referenceProbeInit: boolean;
  /** ψ formula (default 'atan2'); 'arccos' is the reference's unclamped form, kept to reproduce hazard H1. */
  angle: AngleFormula;
  /** Norm guard ε (default 1e-12). */
  epsilon: number;
}

export interface XsamAlgorithmConfig extends BaseHyperparameters, Partial<XsamOwn> {
  algorithm: 'xsam';
}

export const xsamKernel: KernelFacet<XsamOwn> = {
  defaults: {
    rho: 0.15,
    steps: 1,
    rhoMax: 0.3,
    alpha: 1,
    dynamic: true,
    alphaMax: 2,
    alphaDelta: 0.1,
    probeInterval: 1,
    referenceProbeInit: false,
    angle: 'atan2',
    epsilon: DEFAULT_EPSILON,
  },
  resolve(given) {
    const r = withDefaults(xsamKernel.defaults, given);
    nonNegative('rho', r.rho);
    positiveInteger('steps', r.steps, MAX_ASCENT_STEPS);
    nonNegative('rhoMax', r.rhoMax);
    nonNegative('alpha', r.alpha);
    boolean('dynamic', r.dynamic);
    nonNegative('alphaMax', r.alphaMax);
    positive('alphaDelta', r.alphaDelta);
    if (Math.ceil((r.alphaMax + 1e-5) / r.alphaDelta) > MAX_PROBES) {
      throw new InvalidArgumentError('alphaDelta', r.alphaDelta, `a grid step giving at most ${MAX_PROBES} probes up to alphaMax = ${r.alphaMax}`);
    }
    positiveInteger('probeInterval', r.probeInterval);
    boolean('referenceProbeInit', r.referenceProbeInit);
    oneOf('angle', r.angle, ['atan2', 'arccos'] as const);
    nonNegative('epsilon', r.epsilon);
    return r;
  },
  estimator: (c) => xsamGradient(c, c.alpha),
  gradientEvaluations: (c) => c.steps + 1,
};

/** Forward-only probe passes at a probing step: N = ⌈(α_max + 1e-5)/Δα⌉. */
export function xsamProbeCount(c: Pick<XsamOwn, 'alphaMax' | 'alphaDelta'>): number {
  return alphaGrid(c.alphaMax, c.alphaDelta).length;
}
