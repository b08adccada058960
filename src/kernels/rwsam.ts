import { tf, type Tensor } from '../tf.js';
import { NonFiniteError } from '../errors.js';
import { ascentGradient } from './estimators.js';
import { requireMembers } from './microbatch.js';
import { samPerturbation, type PerturbationRule } from './perturbation.js';
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
 * along ∇Σ p_i f_i, descent with the uniform batch mean. τ = ∞ is SAM's estimator itself (no score
 * or weighted pass), so it is SAM bit for bit.
 */
export function reweightedGradient(o: RwSamOptions): GradientEstimator<null> {
  const sam = ascentGradient(samPerturbation(o.epsilon), o.rho);
  return {
    init: () => null,
    estimate(params, objective, state, ctx) {
      if (o.temperature === Infinity) return sam.estimate(params, objective, state, ctx);
      requireMembers(objective, 'RW-SAM', ['batchSize', 'perSample', 'weighted']);
      let maxWeight = NaN;
      // SAM's ascent with the perturbation taken along g_p = ∇Σ p_i f_i instead of g (steps 2–4).
      const reweighted: PerturbationRule = (g, at, radius) => {
        const u = normalized(g, o.epsilon).unit;
        const at0 = objective.perSample!(at, nextPass(ctx, 'score'));
        const atH = objective.perSample!(add(at, scale(u, o.h)), nextPass(ctx, 'score'));
        const scores = tf.div(tf.sub(atH, at0), o.h);
        if (!allFinite([scores])) {
          throw new NonFiniteError('scores', Array.from(scores.dataSync()), `in the RW-SAM per-sample scores at iteration ${ctx.iteration}`);
        }
        const weights = gibbsWeights(scores, o.temperature);
        maxWeight = tf.max(weights).dataSync()[0];
        const gp = objective.weighted!(weights).valueAndGrad(at, nextPass(ctx, 'ascent')).grads;
        return samPerturbation(o.epsilon)(gp, at, radius);
      };
      const out = ascentGradient(reweighted, o.rho).estimate(params, objective, state, ctx);
      return { ...out, info: { ...out.info, scalars: { maxWeight } } };
    },
  };
}
