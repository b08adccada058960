import { inRange, nonNegative } from '../../validate.js';
import type { BaseHyperparameters } from '../../kernels/config.js';
import { axpy, normalized, scale, zerosLike } from '../../kernels/tree.js';
import { nextPass, type GradientEstimator, type Tree } from '../../kernels/types.js';
import { DEFAULT_EPSILON, withDefaults } from '../defaults.js';
import type { KernelFacet } from '../descriptor.js';

/** Momentum-SAM (Becker et al. 2024; MarlonBecker/MSAM optimizer/msam.py), spec/variants-b.md §1. */
export interface MomentumSamOwn {
  /** Radius ρ of the step against the direction buffer (default 0.3, the official default). */
  rho: number;
  /**
   * Heavy-ball coefficient μ of the direction buffer v ← μ·v + g (default 0.9, the official
   * momentum). Set it equal to the SGD base's momentum to reproduce the official optimizer, whose
   * direction is its own SGD buffer.
   */
  beta: number;
  /** Norm guard ε in ρ·v/(‖v‖ + ε) (default 1e-12, the official 1/(‖v‖ + 1e-12)). */
  epsilon: number;
}

export interface MomentumSamAlgorithmConfig extends BaseHyperparameters, Partial<MomentumSamOwn> {
  algorithm: 'momentum-sam';
}

/** The direction buffer v_t; null before the first step, which is unperturbed (msam.py: inverse_norm_buffer = 0). */
export interface MomentumSamState {
  direction: Tree | null;
}

/** One gradient per step, at θ − ρ·v/(‖v‖ + ε); then v ← μ·v + g. */
export function momentumSamGradient(c: MomentumSamOwn): GradientEstimator<MomentumSamState> {
  return {
    init: () => ({ direction: null }),
    estimate(params, objective, state, ctx) {
      const delta = state.direction === null ? zerosLike(params) : scale(normalized(state.direction, c.epsilon).unit, -c.rho);
      const point = state.direction === null ? params : axpy(params, 1, delta);
      // The only pass of the step: stateful layers update their statistics on it.
      const pass = objective.valueAndGrad(point, nextPass(ctx, 'clean'));
      const direction = state.direction === null ? pass.grads.map((g) => g.clone()) : axpy(pass.grads, c.beta, state.direction);
      return {
        grads: pass.grads,
        state: { direction },
        info: { loss: pass.value, ...(ctx.record ? { perturbation: delta, ascentPoints: [point], appliedGradient: pass.grads } : {}) },
      };
    },
  };
}

export const momentumSamKernel: KernelFacet<MomentumSamOwn> = {
  defaults: { rho: 0.3, beta: 0.9, epsilon: DEFAULT_EPSILON },
  resolve(given) {
    const r = withDefaults(momentumSamKernel.defaults, given);
    nonNegative('rho', r.rho);
    inRange('beta', r.beta, 0, 1);
    nonNegative('epsilon', r.epsilon);
    return r;
  },
  estimator: (c) => momentumSamGradient(c) as GradientEstimator,
  gradientEvaluations: () => 1,
};
