import { inRange, nonNegative, positive } from '../../validate.js';
import type { BaseHyperparameters } from '../../kernels/config.js';
import { add, axpy, normalized, scale, zerosLike } from '../../kernels/tree.js';
import { nextPass, type GradientEstimator, type Tree } from '../../kernels/types.js';
import { DEFAULT_EPSILON, withDefaults } from '../defaults.js';
import { REQUIRED, type KernelFacet } from '../descriptor.js';

/** SAMPa (Xie et al. 2024; LIONS-EPFL/SAMPa train.py), spec/variants-b.md §3. */
export interface SampaOwn {
  /** Radius ρ (default 0.1, the official --rho). */
  rho: number;
  /** Weight λ of ∇f(y′) in the applied (1 − λ)·∇f(x̃) + λ·∇f(y′) (default 0.2, the official --og). */
  lambda: number;
  /** Step size η of the lookahead y′ = x − η·(…) (required; the official code uses the current learning rate). */
  lookaheadRate: number;
  /** Heavy-ball μ of the lookahead (default 0: the paper's y′ = x − η∇f(y)); the base's momentum reproduces train.py. */
  lookaheadMomentum: number;
  /** Coupled weight decay in the lookahead (default 0); the base's weightDecay reproduces train.py. */
  lookaheadWeightDecay: number;
  /** Norm guard ε in ρ·∇f(y)/(‖∇f(y)‖ + ε) (default 1e-12, as train.py). */
  epsilon: number;
}

export interface SampaAlgorithmConfig extends BaseHyperparameters, Partial<SampaOwn> {
  algorithm: 'sampa';
}

/** ∇f(y_t) from the previous step (null at first: x̃ = y′ = x), and the lookahead's copy of the SGD buffer. */
export interface SampaState {
  yGradient: Tree | null;
  buffer: Tree | null;
}

/**
 * x̃ = x + ρ·∇f(y)/(‖∇f(y)‖ + ε); y′ = x − η·(∇f(y) + [λ_y·x + μ·b]); apply (1 − λ)·∇f(x̃) + λ·∇f(y′);
 * ∇f(y′) is the next step's ∇f(y). The bracket enters once b exists and μ > 0, as train.py reads
 * torch SGD's momentum_buffer.
 */
export function sampaGradient(c: SampaOwn): GradientEstimator<SampaState> {
  const heavyBall = c.lookaheadMomentum > 0;
  return {
    init: () => ({ yGradient: null, buffer: null }),
    estimate(params, objective, state, ctx) {
      const gy = state.yGradient;
      const delta = gy === null ? zerosLike(params) : scale(normalized(gy, c.epsilon).unit, c.rho);
      const perturbed = gy === null ? params : add(params, delta);
      const correction = heavyBall && state.buffer !== null ? axpy(scale(params, c.lookaheadWeightDecay), c.lookaheadMomentum, state.buffer) : null;
      const lookahead = gy === null ? params : axpy(params, -c.lookaheadRate, correction === null ? gy : add(gy, correction));
      const atPerturbed = objective.valueAndGrad(perturbed, nextPass(ctx, 'clean'));
      const atLookahead = objective.valueAndGrad(lookahead, nextPass(ctx, 'final'));
      const grads = axpy(scale(atPerturbed.grads, 1 - c.lambda), c.lambda, atLookahead.grads);
      let buffer: Tree | null = null;
      if (heavyBall) {
        const d = axpy(grads, c.lookaheadWeightDecay, params);
        buffer = state.buffer === null ? d : axpy(d, c.lookaheadMomentum, state.buffer);
      }
      return {
        grads,
        state: { yGradient: atLookahead.grads, buffer },
        info: { loss: atPerturbed.value, ...(ctx.record ? { perturbation: delta, ascentPoints: [perturbed, lookahead], appliedGradient: grads } : {}) },
      };
    },
  };
}

export const sampaKernel: KernelFacet<SampaOwn> = {
  defaults: { rho: 0.1, lambda: 0.2, lookaheadRate: REQUIRED, lookaheadMomentum: 0, lookaheadWeightDecay: 0, epsilon: DEFAULT_EPSILON },
  resolve(given) {
    const r = withDefaults(sampaKernel.defaults, given);
    nonNegative('rho', r.rho);
    inRange('lambda', r.lambda, 0, 1);
    positive('lookaheadRate', r.lookaheadRate);
    inRange('lookaheadMomentum', r.lookaheadMomentum, 0, 1, true);
    nonNegative('lookaheadWeightDecay', r.lookaheadWeightDecay);
    nonNegative('epsilon', r.epsilon);
    return r;
  },
  estimator: (c) => sampaGradient(c) as GradientEstimator,
  gradientEvaluations: () => 2,
};
