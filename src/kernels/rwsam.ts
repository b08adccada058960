import { tf, type Tensor } from '../tf.js';
import { NonFiniteError } from '../errors.js';
import { requireMembers } from './microbatch.js';
import { add, allFinite, normalized, scale } from './tree.js';
import { nextPass, type GradientEstimator } from './types.js';

/**
 * Gibbs weights p_i = exp((s_i − s_max)/τ)/Σ_j exp((s_j − s_max)/τ) (subtracting s_max keeps exp
 * from overflowing at tiny τ). τ = ∞ is exactly uniform, 1/b, never computed through exp.
 */
export function gibbsWeights(scores: Tensor, temperature: number): Tensor {
  const b = scores.size;
  if (temperature === Infinity) return tf.fill([b], 1 / b);
  const logits = tf.div(tf.sub(scores, tf.max(scores)), temperature);
  const e = tf.exp(logits);
  return tf.div(e, tf.sum(e));
}

export interface RwSamOptions {
  rho: number;
  /** τ ∈ (0, ∞]. */
  temperature: number;
  /** Finite-difference step h > 0. */
  h: number;
  epsilon: number;
}

/**
 * RW-SAM, samcheck definition (spec/algorithms.md §8; NOT the published algorithm, which is not
 * known here). Scores s_i = (f_i(θ_0 + h·u) − f_i(θ_0))/h along u = ĝ, Gibbs weights p, perturbation
 * along ∇Σ p_i f_i, descent with the uniform batch mean. τ = ∞ skips the score and weighted passes,
 * so it is SAM bit for bit.
 */
export function reweightedGradient(o: RwSamOptions): GradientEstimator<null> {
  return {
    init: () => null,
    estimate(params, objective, state, ctx) {
      const uniform = o.temperature === Infinity;
      if (!uniform) requireMembers(objective, 'RW-SAM', ['batchSize', 'perSample', 'weighted']);
      const clean = objective.valueAndGrad(params, nextPass(ctx, 'clean'));
      let perturbationGradient = clean.grads;
      let weights: Tensor | null = null;
      if (!uniform) {
        const u = normalized(clean.grads, o.epsilon).unit;
        const at0 = objective.perSample!(params, nextPass(ctx, 'score'));
        const atH = objective.perSample!(add(params, scale(u, o.h)), nextPass(ctx, 'score'));
        const scores = tf.div(tf.sub(atH, at0), o.h);
        if (!allFinite([scores])) {
          throw new NonFiniteError('scores', Array.from(scores.dataSync()), `in the RW-SAM per-sample scores at iteration ${ctx.iteration}`);
        }
        weights = gibbsWeights(scores, o.temperature);
        perturbationGradient = objective.weighted!(weights).valueAndGrad(params, nextPass(ctx, 'ascent')).grads;
      }
      const delta = scale(normalized(perturbationGradient, o.epsilon).unit, o.rho);
      const ascentPoint = add(params, delta);
      const final = objective.valueAndGrad(ascentPoint, nextPass(ctx, 'final'));
      return {
        grads: final.grads,
        state,
        info: {
          loss: clean.value,
          ...(weights !== null ? { scalars: { maxWeight: tf.max(weights).dataSync()[0] } } : {}),
          ...(ctx.record
            ? { cleanGradient: clean.grads, perturbation: delta, ascentPoints: [ascentPoint], appliedGradient: final.grads }
            : {}),
        },
      };
    },
  };
}
