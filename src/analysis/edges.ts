/**
 * Stability thresholds (spec/algorithms.md §9, properties.md E2–E4, C10). The SAM-edge uses the
 * rationalised form 4/(η(1 + √(1 + 8ρ/(ηG)))): the root form (G/2ρ)(√(1 + 8ρ/(ηG)) − 1), as in
 * google-deepmind/sam_edge, loses digits when 8ρ/(ηG) is tiny and is NaN at ρ = 0 or G = 0.
 */
import { tf } from '../tf.js';
import { nonNegative, positive, inRange } from '../validate.js';

/** E(η, ρ, G) in float64. ρ = 0 → 2/η (also when G = 0, by definition); G = 0 < ρ → 0 (8ρ/(ηG) = ∞). */
export function samEdge(eta: number, rho: number, gradientNorm: number): number {
  positive('eta', eta);
  nonNegative('rho', rho);
  nonNegative('gradientNorm', gradientNorm);
  if (rho === 0) return 2 / eta;
  return 4 / (eta * (1 + Math.sqrt(1 + (8 * rho) / (eta * gradientNorm))));
}

/** The same in float32 on the device, for logging inside a tf graph (G a scalar tensor). */
export function samEdgeTensor(eta: number, rho: number, gradientNorm: tf.Scalar): tf.Scalar {
  positive('eta', eta);
  nonNegative('rho', rho);
  if (rho === 0) return tf.scalar(2 / eta);
  // 8ρ/(ηG) is +∞ at G = 0 and 4/(η·∞) = 0: the special value comes out of IEEE arithmetic.
  return tf.tidy(() => tf.div(4, tf.mul(eta, tf.add(1, tf.sqrt(tf.add(1, tf.div((8 * rho) / eta, gradientNorm))))))) as tf.Scalar;
}

/** E4: the USAM edge E(η, ρ, 1), independent of the iterate. */
export const usamEdge = (eta: number, rho: number): number => samEdge(eta, rho, 1);

/** E2: plain GD, 2/η. */
export const gdEdge = (eta: number): number => 2 / positive('eta', eta);

/** E2: torch SGD with momentum β: heavy ball (2 + 2β)/η, Nesterov (2 + 2β)/((1 + 2β)η). */
export function momentumEdge(eta: number, beta: number, nesterov = false): number {
  positive('eta', eta);
  inRange('beta', beta, 0, 1, true);
  return nesterov ? (2 + 2 * beta) / ((1 + 2 * beta) * eta) : (2 + 2 * beta) / eta;
}
