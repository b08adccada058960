import { InvalidArgumentError } from '../../errors.js';
import { nonNegative, oneOf } from '../../validate.js';
import { tf } from '../../tf.js';
import type { BaseHyperparameters } from '../../kernels/config.js';
import { axpy, dot, globalNorm, mul, normalized, scale } from '../../kernels/tree.js';
import { nextPass, type GradientEstimator, type Tree } from '../../kernels/types.js';
import { DEFAULT_EPSILON, DERIVED, withDefaults } from '../defaults.js';
import { REQUIRED, type KernelFacet } from '../descriptor.js';

export type GsamDecompose = 'perturbed' | 'clean';
export type GsamAdaptive = 'none' | 'big_vision' | 'pytorch';

/** GSAM (Zhuang et al. 2022), big_vision `gsam.py` by default (spec/variants.md §1). */
export interface GsamOwn {
  /** ρ_max (default 0.05). */
  rho: number;
  /** ρ_min (default ρ_max: a constant radius). */
  rhoMin: number;
  /** The surrogate-gap weight α (required: both official codes take it without a default). */
  alpha: number;
  /** The learning-rate schedule's range and the current learning rate that place ρ_t (defaults 0: ρ_t = ρ_max). */
  lrMax: number;
  lrMin: number;
  lrNow: number;
  /** 'perturbed' (default, minimize_fp=True: d = g_p − α·(g ⊥ g_p)) or 'clean' (d = g + α·(g_p ⊥ g)). */
  decompose: GsamDecompose;
  /** 'none' (default), 'big_vision' (ε = ρ_t|w|⊙g/(‖g‖+ε)) or 'pytorch' (ε = ρ_t w²⊙g/(‖|w|⊙g‖+ε)). */
  adaptive: GsamAdaptive;
  /** Norm guard ε (default 1e-12). */
  epsilon: number;
}

export interface GsamAlgorithmConfig extends BaseHyperparameters, Partial<GsamOwn> {
  algorithm: 'gsam';
}

/** ρ_t = ρ_min + (ρ_max − ρ_min)(lr − lr_min)/(lr_max − lr_min); ρ_max when lr_max = lr_min (big_vision). */
export function gsamRadius(c: Pick<GsamOwn, 'rho' | 'rhoMin' | 'lrMax' | 'lrMin' | 'lrNow'>): number {
  return c.lrMax === c.lrMin ? c.rho : c.rhoMin + ((c.rho - c.rhoMin) * (c.lrNow - c.lrMin)) / (c.lrMax - c.lrMin);
}

/** g − (g·û)û with û = u/(‖u‖ + ε): the part of g orthogonal to u. */
function orthogonalPart(g: Tree, u: Tree, epsilon: number): Tree {
  const { unit } = normalized(u, epsilon);
  return axpy(g, tf.neg(dot(g, unit)), unit);
}

function gsamPerturbation(c: GsamOwn, g: Tree, w: Tree, rho: number): Tree {
  if (c.adaptive === 'none') return scale(normalized(g, c.epsilon).unit, rho);
  const absW = w.map((x) => tf.abs(x));
  if (c.adaptive === 'big_vision') return scale(mul(absW, normalized(g, c.epsilon).unit), rho);
  const denom = tf.add(globalNorm(mul(absW, g)), c.epsilon);
  return mul(mul(absW, absW), g).map((x) => tf.mul(tf.div(x, denom), rho));
}

function gsamGradient(c: GsamOwn): GradientEstimator<null> {
  const rho = gsamRadius(c);
  return {
    init: () => null,
    estimate(params, objective, state, ctx) {
      const clean = objective.valueAndGrad(params, nextPass(ctx, 'clean'));
      const g = clean.grads;
      const delta = gsamPerturbation(c, g, params, rho);
      const ascentPoint = params.map((p, i) => tf.add(p, delta[i]));
      const gp = objective.valueAndGrad(ascentPoint, nextPass(ctx, 'final')).grads;
      const grads = c.decompose === 'perturbed' ? axpy(gp, -c.alpha, orthogonalPart(g, gp, c.epsilon)) : axpy(g, c.alpha, orthogonalPart(gp, g, c.epsilon));
      return {
        grads,
        state,
        info: { loss: clean.value, ...(ctx.record ? { cleanGradient: g, perturbation: delta, ascentPoints: [ascentPoint], appliedGradient: grads } : {}) },
      };
    },
  };
}

export const gsamKernel: KernelFacet<GsamOwn> = {
  defaults: { rho: 0.05, rhoMin: DERIVED as never, alpha: REQUIRED, lrMax: 0, lrMin: 0, lrNow: 0, decompose: 'perturbed', adaptive: 'none', epsilon: DEFAULT_EPSILON },
  resolve(given) {
    const r = withDefaults(gsamKernel.defaults, given);
    r.rhoMin ??= r.rho;
    nonNegative('rho', r.rho);
    nonNegative('rhoMin', r.rhoMin);
    nonNegative('alpha', r.alpha);
    nonNegative('lrMax', r.lrMax);
    nonNegative('lrMin', r.lrMin);
    nonNegative('lrNow', r.lrNow);
    if (r.rhoMin > r.rho) throw new InvalidArgumentError('rhoMin', r.rhoMin, `at most rho = ${r.rho} (ρ_min ≤ ρ_max)`);
    if (r.lrMax < r.lrMin) throw new InvalidArgumentError('lrMax', r.lrMax, `at least lrMin = ${r.lrMin}`);
    if (r.lrMax === r.lrMin && r.rhoMin !== r.rho) throw new InvalidArgumentError('rhoMin', r.rhoMin, `equal to rho = ${r.rho} when lrMax = lrMin (a constant learning rate gives a constant ρ)`);
    oneOf('decompose', r.decompose, ['perturbed', 'clean'] as const);
    oneOf('adaptive', r.adaptive, ['none', 'big_vision', 'pytorch'] as const);
    nonNegative('epsilon', r.epsilon);
    return r;
  },
  estimator: (c) => gsamGradient(c),
  gradientEvaluations: () => 2,
};
