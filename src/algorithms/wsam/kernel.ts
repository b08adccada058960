import { nonNegative, boolean, inRange, positive } from '../../validate.js';
import { tf } from '../../tf.js';
import type { BaseHyperparameters } from '../../kernels/config.js';
import { globalNorm, mul, normalized, scale, sub } from '../../kernels/tree.js';
import { nextPass, type GradientEstimator, type Tree } from '../../kernels/types.js';
import { DEFAULT_EPSILON, withDefaults } from '../defaults.js';
import type { KernelFacet } from '../descriptor.js';

/** WSAM (Yue et al. 2023), dlrover atorch `optimizers/wsam.py` (spec/variants.md §2). Defaults are the code's. */
export interface WsamOwn {
  /** Radius ρ (default 0.05). */
  rho: number;
  /** γ ∈ [0, 1): the sharpness weight is α = γ/(1 − γ) (default 0.88). */
  gamma: number;
  /** Decoupled sharpness (default true): the base step takes g, then θ ← θ − η·α·(g_p − g). false: d = α·g_p + (1 − α)·g. */
  decouple: boolean;
  /** Clip g and g_p to this global norm, torch clip_grad_norm_ (default 1; null: no clipping). */
  maxNorm: number | null;
  /** ε = ρ·w²⊙g/(‖|w|⊙g‖ + ε) (default false: ρ·g/(‖g‖ + ε)). */
  adaptive: boolean;
  /** Norm guard ε (default 1e-12). */
  epsilon: number;
}

export interface WsamAlgorithmConfig extends BaseHyperparameters, Partial<WsamOwn> {
  algorithm: 'wsam';
}

/** torch.nn.utils.clip_grad_norm_: g·min(1, M/(‖g‖ + 1e-6)). */
export const CLIP_GUARD = 1e-6;
function clipped(g: Tree, maxNorm: number | null): Tree {
  if (maxNorm === null) return g;
  const coef = tf.minimum(tf.div(maxNorm, tf.add(globalNorm(g), CLIP_GUARD)), 1) as tf.Scalar;
  return scale(g, coef);
}

function wsamGradient(c: WsamOwn): GradientEstimator<null> {
  const alpha = c.gamma / (1 - c.gamma);
  return {
    init: () => null,
    estimate(params, objective, state, ctx) {
      const clean = objective.valueAndGrad(params, nextPass(ctx, 'clean'));
      const raw = clean.grads;
      let delta: Tree;
      if (c.adaptive) {
        const denom = tf.add(globalNorm(mul(params.map((p) => tf.abs(p)), raw)), c.epsilon);
        delta = mul(mul(params, params), raw).map((x) => tf.mul(tf.div(x, denom), c.rho));
      } else delta = scale(normalized(raw, c.epsilon).unit, c.rho);
      const ascentPoint = params.map((p, i) => tf.add(p, delta[i]));
      const gp = clipped(objective.valueAndGrad(ascentPoint, nextPass(ctx, 'final')).grads, c.maxNorm);
      const g = clipped(raw, c.maxNorm);
      const sharpness = sub(gp, g);
      const grads = c.decouple ? g : g.map((x, i) => tf.add(tf.mul(gp[i], alpha), tf.mul(x, 1 - alpha)));
      return {
        grads,
        state,
        ...(c.decouple ? { decoupled: scale(sharpness, alpha) } : {}),
        info: { loss: clean.value, ...(ctx.record ? { cleanGradient: raw, perturbation: delta, ascentPoints: [ascentPoint], appliedGradient: grads } : {}) },
      };
    },
  };
}

export const wsamKernel: KernelFacet<WsamOwn> = {
  defaults: { rho: 0.05, gamma: 0.88, decouple: true, maxNorm: 1, adaptive: false, epsilon: DEFAULT_EPSILON },
  resolve(given) {
    const r = withDefaults(wsamKernel.defaults, given);
    nonNegative('rho', r.rho);
    inRange('gamma', r.gamma, 0, 1, true);
    boolean('decouple', r.decouple);
    if (r.maxNorm !== null) positive('maxNorm', r.maxNorm);
    boolean('adaptive', r.adaptive);
    nonNegative('epsilon', r.epsilon);
    return r;
  },
  estimator: (c) => wsamGradient(c),
  gradientEvaluations: () => 2,
};
