import { inRange, nonNegative, positiveInteger } from '../../validate.js';
import { tf } from '../../tf.js';
import type { BaseHyperparameters } from '../../kernels/config.js';
import { axpy, dot, globalNorm, normalized, scale } from '../../kernels/tree.js';
import { nextPass, type GradientEstimator, type Tree } from '../../kernels/types.js';
import { DEFAULT_EPSILON, withDefaults } from '../defaults.js';
import { REQUIRED, type KernelFacet } from '../descriptor.js';

/** LookSAM (Liu et al. 2022), the paper's Algorithm 1 (spec/variants.md §3); no official code exists. */
export interface LookSamOwn {
  /** Radius ρ of the SAM steps (default 0.05). */
  rho: number;
  /** Period k: a full SAM step at t = 0, k, 2k, …, one-gradient reuse steps in between (required). */
  k: number;
  /** Weight α of the reused direction (required). */
  alpha: number;
  /**
   * g_v is stored as 0 when ‖g_v‖ ≤ τ·‖g_s‖ (default 0: the paper's rule). ĝ_v is ill-conditioned as
   * g_s → g's direction; verify draws τ = 0.05 so that float32 and float64 agree (spec/variants.md §3.2).
   */
  orthogonalFloor: number;
  /** Norm guard ε (default 1e-12). */
  epsilon: number;
}

export interface LookSamAlgorithmConfig extends BaseHyperparameters, Partial<LookSamOwn> {
  algorithm: 'looksam';
}

/** The stored orthogonal direction g_v (null before the first SAM step). */
export interface LookSamState {
  gv: Tree | null;
}

function lookSamGradient(c: LookSamOwn): GradientEstimator<LookSamState> {
  return {
    init: () => ({ gv: null }),
    estimate(params, objective, state, ctx) {
      const clean = objective.valueAndGrad(params, nextPass(ctx, 'clean'));
      const g = clean.grads;
      if (ctx.iteration % c.k === 0 || state.gv === null) {
        const { unit } = normalized(g, c.epsilon);
        const delta = scale(unit, c.rho);
        const ascentPoint = params.map((p, i) => tf.add(p, delta[i]));
        const gs = objective.valueAndGrad(ascentPoint, nextPass(ctx, 'final')).grads;
        // g_v = g_s − ‖g_s‖cos(g, g_s)·ĝ = g_s − (g_s·ĝ)ĝ
        const raw = axpy(gs, tf.neg(dot(gs, unit)), unit);
        const keep = tf.cast(tf.greater(globalNorm(raw), tf.mul(globalNorm(gs), c.orthogonalFloor)), 'float32') as tf.Scalar;
        const gv = scale(raw, keep);
        return { grads: gs, state: { gv }, info: { loss: clean.value, ...(ctx.record ? { cleanGradient: g, perturbation: delta, ascentPoints: [ascentPoint], appliedGradient: gs } : {}) } };
      }
      const ratio = tf.div(globalNorm(g), tf.add(globalNorm(state.gv), c.epsilon));
      const grads = axpy(g, tf.mul(ratio, c.alpha) as tf.Scalar, state.gv);
      return { grads, state, info: { loss: clean.value, ...(ctx.record ? { cleanGradient: g, perturbation: g.map((x) => tf.zerosLike(x)), ascentPoints: [], appliedGradient: grads } : {}) } };
    },
  };
}

export const lookSamKernel: KernelFacet<LookSamOwn> = {
  defaults: { rho: 0.05, k: REQUIRED, alpha: REQUIRED, orthogonalFloor: 0, epsilon: DEFAULT_EPSILON },
  resolve(given) {
    const r = withDefaults(lookSamKernel.defaults, given);
    nonNegative('rho', r.rho);
    positiveInteger('k', r.k);
    nonNegative('alpha', r.alpha);
    inRange('orthogonalFloor', r.orthogonalFloor, 0, 1);
    nonNegative('epsilon', r.epsilon);
    return r;
  },
  estimator: (c) => lookSamGradient(c) as GradientEstimator,
  /** The average over a period: 2 on the SAM step, 1 on each of the k − 1 reuse steps. */
  gradientEvaluations: (c) => 1 + 1 / c.k,
};
