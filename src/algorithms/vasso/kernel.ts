import { inRange, nonNegative } from '../../validate.js';
import type { BaseHyperparameters } from '../../kernels/config.js';
import { add, axpy, normalized, scale } from '../../kernels/tree.js';
import { nextPass, type GradientEstimator, type Tree } from '../../kernels/types.js';
import { withDefaults } from '../defaults.js';
import type { KernelFacet } from '../descriptor.js';

/** VaSSO (Li & Giannakis 2023; BingcongLi/VaSSO solver/vasso.py), spec/variants-b.md §2. */
export interface VassoOwn {
  /** Radius ρ (default 0.05, the official --rho). */
  rho: number;
  /** Weight θ of the new gradient in d ← (1 − θ)·d + θ·g (default 0.9, the official --theta). */
  theta: number;
  /** Norm guard ε in ρ·d/(‖d‖ + ε) (default 1e-7, as vasso.py; SAM's is 1e-12). */
  epsilon: number;
}

export interface VassoAlgorithmConfig extends BaseHyperparameters, Partial<VassoOwn> {
  algorithm: 'vasso';
}

/** The variance-suppressed estimate d_t (null before the first step: d_1 = g_1, as vasso.py clones it). */
export interface VassoState {
  estimate: Tree | null;
}

/** g_0 = ∇L(θ); d ← (1 − θ)·d + θ·g_0; apply ∇L(θ + ρ·d/(‖d‖ + ε)) at θ. */
export function vassoGradient(c: VassoOwn): GradientEstimator<VassoState> {
  return {
    init: () => ({ estimate: null }),
    estimate(params, objective, state, ctx) {
      const clean = objective.valueAndGrad(params, nextPass(ctx, 'clean'));
      const estimate = state.estimate === null ? clean.grads.map((g) => g.clone()) : axpy(scale(state.estimate, 1 - c.theta), c.theta, clean.grads);
      const delta = scale(normalized(estimate, c.epsilon).unit, c.rho);
      const ascentPoint = add(params, delta);
      const final = objective.valueAndGrad(ascentPoint, nextPass(ctx, 'final'));
      return {
        grads: final.grads,
        state: { estimate },
        info: {
          loss: clean.value,
          ...(ctx.record ? { cleanGradient: clean.grads, perturbation: delta, ascentPoints: [ascentPoint], appliedGradient: final.grads } : {}),
        },
      };
    },
  };
}

export const vassoKernel: KernelFacet<VassoOwn> = {
  defaults: { rho: 0.05, theta: 0.9, epsilon: 1e-7 },
  resolve(given) {
    const r = withDefaults(vassoKernel.defaults, given);
    nonNegative('rho', r.rho);
    inRange('theta', r.theta, 0, 1);
    nonNegative('epsilon', r.epsilon);
    return r;
  },
  estimator: (c) => vassoGradient(c) as GradientEstimator,
  gradientEvaluations: () => 2,
};
