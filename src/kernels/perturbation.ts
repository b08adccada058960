import { tf } from '../tf.js';
import { globalNorm, normalized, scale } from './tree.js';
import type { Tree } from './types.js';

/**
 * A perturbation rule maps the gradient at a point to an ascent offset of the given radius.
 * `params` is the point the gradient was taken at (ASAM's T_θ depends on it).
 */
export type PerturbationRule = (grads: Tree, params: Tree, radius: number) => Tree;

/** SAM: δ = ρ·g/(‖g‖ + ε). */
export function samPerturbation(epsilon: number): PerturbationRule {
  return (grads, _params, radius) => scale(normalized(grads, epsilon).unit, radius);
}

/** USAM: δ = ρ·g (no normalization, no guard: ‖δ‖ = ρ‖g‖). */
export function usamPerturbation(): PerturbationRule {
  return (grads, _params, radius) => scale(grads, radius);
}

/**
 * ASAM: t = |θ| + η_T on adaptive tensors and 1 elsewhere, δ = ρ·t²⊙g/(‖t⊙g‖ + ε),
 * so that ‖T⁻¹δ‖ = ρ (spec/algorithms.md §4).
 */
export function asamPerturbation(etaT: number, epsilon: number, adaptive: readonly boolean[]): PerturbationRule {
  return (grads, params, radius) => {
    const tg = grads.map((g, i) => (adaptive[i] ? tf.mul(tf.add(tf.abs(params[i]), etaT), g) : g));
    const denom = tf.add(globalNorm(tg), epsilon);
    return tg.map((x, i) => {
      const t2g = adaptive[i] ? tf.mul(tf.add(tf.abs(params[i]), etaT), x) : x;
      return tf.mul(tf.div(t2g, denom), radius);
    });
  };
}
