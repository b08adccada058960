import { nonNegative, oneOf, positive, positiveInteger, MAX_ASCENT_STEPS } from '../../validate.js';
import type { BaseHyperparameters } from '../../kernels/config.js';
import { fixedPathLength, multiStepGradient, projectedSteps, type AppliedGradient } from '../../kernels/ascent.js';
import { DEFAULT_EPSILON, withDefaults } from '../defaults.js';
import type { KernelFacet } from '../descriptor.js';

export interface MultiStepSamOwn {
  /** Radius ρ (default 0.05): the total path length ('fixed-path') or the ball radius ('projected'). */
  rho: number;
  /** Number of ascent steps k (default 2); k + 1 gradient evaluations per step. k = 1 is SAM. */
  steps: number;
  /**
   * 'fixed-path' (default, the XSAM code, spec §5(a)): k steps of length ρ/k, ‖θ_k − θ_0‖ ≤ ρ.
   * 'projected' (Andriushchenko & Flammarion, §5(b)): steps of size c·ρ projected onto the ρ-ball.
   */
  ascent: 'fixed-path' | 'projected';
  /** c in s = c·ρ for 'projected' (default 1; the reference default is not established). */
  stepSizeMultiplier: number;
  /** 'last' (default): apply g_k. 'average': apply the mean of the gradients at θ_1..θ_k. */
  applied: AppliedGradient;
  /** Norm guard ε (default 1e-12). */
  epsilon: number;
}

export interface MultiStepSamAlgorithmConfig extends BaseHyperparameters, Partial<MultiStepSamOwn> {
  algorithm: 'multistep-sam';
}

export const multiStepSamKernel: KernelFacet<MultiStepSamOwn> = {
  defaults: { rho: 0.05, steps: 2, ascent: 'fixed-path', stepSizeMultiplier: 1, applied: 'last', epsilon: DEFAULT_EPSILON },
  resolve(given) {
    const r = withDefaults(multiStepSamKernel.defaults, given);
    nonNegative('rho', r.rho);
    positiveInteger('steps', r.steps, MAX_ASCENT_STEPS);
    oneOf('ascent', r.ascent, ['fixed-path', 'projected'] as const);
    positive('stepSizeMultiplier', r.stepSizeMultiplier);
    oneOf('applied', r.applied, ['last', 'average'] as const);
    nonNegative('epsilon', r.epsilon);
    return r;
  },
  estimator(c) {
    const schedule = c.ascent === 'projected' ? projectedSteps(c.rho, c.steps, c.stepSizeMultiplier) : fixedPathLength(c.rho, c.steps);
    return multiStepGradient(schedule, c.epsilon, c.applied);
  },
  gradientEvaluations: (c) => c.steps + 1,
};
