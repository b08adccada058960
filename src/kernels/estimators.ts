import { tf } from '../tf.js';
import { add } from './tree.js';
import { wrapViews } from './objective.js';
import type { PerturbationRule } from './perturbation.js';
import { nextPass, type GradientEstimator, type Objective, type PassInfo, type Tree } from './types.js';

/** SGD's estimator: the local gradient g_0 (1 pass). */
export function localGradient(): GradientEstimator<null> {
  return {
    init: () => null,
    estimate(params, objective, state, ctx) {
      const clean = objective.valueAndGrad(params, nextPass(ctx, 'clean'));
      return {
        grads: clean.grads,
        state,
        info: { loss: clean.value, ...(ctx.record ? { cleanGradient: clean.grads, appliedGradient: clean.grads } : {}) },
      };
    },
  };
}

/**
 * One ascent step then the gradient there (SAM, USAM, ASAM; 2 passes):
 * g_0 = ∇L(θ_0), δ = rule(g_0, θ_0, ρ), apply ∇L(θ_0 + δ) at θ_0.
 */
export function ascentGradient(rule: PerturbationRule, radius: number): GradientEstimator<null> {
  return {
    init: () => null,
    estimate(params, objective, state, ctx) {
      const clean = objective.valueAndGrad(params, nextPass(ctx, 'clean'));
      const delta = rule(clean.grads, params, radius);
      const ascentPoint = add(params, delta);
      const final = objective.valueAndGrad(ascentPoint, nextPass(ctx, 'final'));
      return {
        grads: final.grads,
        state,
        info: {
          loss: clean.value,
          ...(ctx.record
            ? { cleanGradient: clean.grads, perturbation: delta, ascentPoints: [ascentPoint], appliedGradient: final.grads }
            : {}),
        },
      };
    },
  };
}

/**
 * google-research/sam's variant: the L2 term wd/2·‖θ‖² is part of the loss for every pass, so
 * the perturbation depends on wd (spec/algorithms.md §2, C3). Used with the base's wd set to 0.
 */
export function withL2(objective: Objective, weightDecay: number): Objective {
  const l2 = (point: Tree) => tf.mul(tf.addN(point.map((p) => tf.sum(tf.square(p)))), weightDecay / 2);
  return {
    ...objective,
    valueAndGrad(point, pass) {
      const { value, grads } = objective.valueAndGrad(point, pass);
      return { value: tf.add(value, l2(point)), grads: grads.map((g, i) => tf.add(g, tf.mul(point[i], weightDecay))) };
    },
    value: (point, pass) => tf.add(objective.value(point, pass), l2(point)),
    // Finite-sum views (m-SAM, n-SAM, RW-SAM) carry the L2 term too; a per-sample loss gets all of it.
    ...wrapViews(objective, (view) => withL2(view, weightDecay)),
    ...(objective.perSample ? { perSample: (point: Tree, pass: PassInfo) => tf.add(objective.perSample!(point, pass), l2(point)) } : {}),
  };
}
