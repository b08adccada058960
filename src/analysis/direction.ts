/**
 * Direction quality (properties.md X2, X6): how well g_0, g_1, g_k or any direction points at the
 * true ball maximiser d*. Angles use 2·atan2(‖â − b̂‖, ‖â + b̂‖) and cosines 1 − ½‖â − b̂‖², which
 * keep their digits for nearly parallel vectors where arccos(âᵀb̂) does not.
 */
import { tf } from '../tf.js';
import { globalNorm, normalized, sub, add } from '../kernels/tree.js';
import type { Tree } from '../kernels/types.js';

export interface DirectionComparison {
  /** ∠(a, b) in [0, π]. */
  angle: number;
  /** cos∠(a, b), formed as 1 − ½‖â − b̂‖². */
  cosine: number;
}

/** Angle and cosine between two trees (global over the list). Zero vectors give NaN. */
export function compareDirections(a: Tree, b: Tree): DirectionComparison {
  const [difference, sum] = tf.tidy(() => {
    const ua = normalized(a, 0).unit;
    const ub = normalized(b, 0).unit;
    return [globalNorm(sub(ua, ub)), globalNorm(add(ua, ub))];
  });
  const d = difference.dataSync()[0];
  const s = sum.dataSync()[0];
  tf.dispose([difference, sum]);
  return { angle: 2 * Math.atan2(d, s), cosine: 1 - 0.5 * d * d };
}

export interface DirectionQualityInput {
  /** The true maximiser direction d* (or δ*). */
  target: Tree;
  /** Named candidates, e.g. { g0, g1, gk, xsam }. */
  directions: Record<string, Tree>;
}

/** Each candidate's angle and cosine with d*, and the name of the best (smallest angle). */
export function directionQuality(input: DirectionQualityInput): { byName: Record<string, DirectionComparison>; best: string } {
  const byName: Record<string, DirectionComparison> = {};
  let best = '';
  for (const [name, dir] of Object.entries(input.directions)) {
    byName[name] = compareDirections(dir, input.target);
    if (best === '' || byName[name].angle < byName[best].angle) best = name;
  }
  return { byName, best };
}
