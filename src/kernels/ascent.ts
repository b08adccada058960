import { tf, type Scalar } from '../tf.js';
import { add, axpy, globalNorm, normalized, scale } from './tree.js';
import { nextPass, type GradientEstimator, type Objective, type StepContext, type Tree } from './types.js';

/**
 * An ascent schedule (spec/algorithms.md §5): how the offset δ_{i+1} follows from δ_i and the
 * unit gradient û_i = g_i/(‖g_i‖ + ε) taken at θ_0 + δ_i. δ_0 = 0 and θ_0 itself is kept, so the
 * ascent points are always θ_0 + δ_i and nothing is ever restored by subtraction.
 */
export interface AscentSchedule {
  readonly steps: number;
  next(delta: Tree, unit: Tree): Tree;
}

/** §5(a), the XSAM code's parametrisation: k steps of length ρ/k, total path length ρ. */
export function fixedPathLength(rho: number, steps: number): AscentSchedule {
  return { steps, next: (delta, unit) => axpy(delta, rho / steps, unit) };
}

/** Π_ρ(x) = x·min(1, ρ/‖x‖); x = 0 stays 0 (ρ/0 = ∞, min gives 1). */
export function projectOntoBall(x: Tree, rho: number): Tree {
  const factor = tf.minimum(1, tf.div(rho, globalNorm(x))) as Scalar;
  return scale(x, factor);
}

/** §5(b), Andriushchenko & Flammarion: steps of size s = c·ρ, each projected back onto the ρ-ball. */
export function projectedSteps(rho: number, steps: number, stepSizeMultiplier: number): AscentSchedule {
  return { steps, next: (delta, unit) => projectOntoBall(axpy(delta, stepSizeMultiplier * rho, unit), rho) };
}

/** Everything a multi-step ascent produced. Passes: 'clean' at θ_0, 'ascent' at θ_1..θ_{k−1}, 'final' at θ_k. */
export interface AscentPath {
  /** L(θ_0) and g_0. */
  loss: Scalar;
  cleanGradient: Tree;
  /** θ_1..θ_k. */
  points: Tree[];
  /** ∇L(θ_1)..∇L(θ_k); the last one is g_k. */
  gradients: Tree[];
  /** δ_k = θ_k − θ_0, accumulated directly (never θ_k − θ_0 after the fact). */
  displacement: Tree;
}

export function runAscent(schedule: AscentSchedule, epsilon: number, params: Tree, objective: Objective, ctx: StepContext): AscentPath {
  const clean = objective.valueAndGrad(params, nextPass(ctx, 'clean'));
  let delta: Tree = params.map((p) => tf.zerosLike(p));
  let grad = clean.grads;
  const points: Tree[] = [];
  const gradients: Tree[] = [];
  for (let i = 0; i < schedule.steps; i++) {
    delta = schedule.next(delta, normalized(grad, epsilon).unit);
    const point = add(params, delta);
    const kind = i === schedule.steps - 1 ? 'final' : 'ascent';
    grad = objective.valueAndGrad(point, nextPass(ctx, kind)).grads;
    points.push(point);
    gradients.push(grad);
  }
  return { loss: clean.value, cleanGradient: clean.grads, points, gradients, displacement: delta };
}

/** Which gradient multi-step SAM hands to the base optimizer. */
export type AppliedGradient = 'last' | 'average';

/** (1/k)·Σ_{i=1..k} ∇L(θ_i): the gradients at the ascent points (g_0 excluded, so k = 1 is SAM). */
export function meanTree(trees: Tree[]): Tree {
  return trees[0].map((_, j) => tf.div(tf.addN(trees.map((t) => t[j])), trees.length));
}

/** Multi-step SAM (k + 1 passes): ascend by the schedule, apply g_k (or the path average) at θ_0. */
export function multiStepGradient(schedule: AscentSchedule, epsilon: number, applied: AppliedGradient): GradientEstimator<null> {
  return {
    init: () => null,
    estimate(params, objective, state, ctx) {
      const path = runAscent(schedule, epsilon, params, objective, ctx);
      const grads = applied === 'last' ? path.gradients[path.gradients.length - 1] : meanTree(path.gradients);
      return {
        grads,
        state,
        info: {
          loss: path.loss,
          ...(ctx.record
            ? { cleanGradient: path.cleanGradient, perturbation: path.displacement, ascentPoints: path.points, appliedGradient: grads }
            : {}),
        },
      };
    },
  };
}
