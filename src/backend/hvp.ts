/**
 * Hessian-vector products of a scalar function of a flat parameter vector, two ways:
 * - `exactHvp`: double backprop, ∇(∇f(x)·v). Correct for tanh/sigmoid/exp/softmax only with the
 *   second-order gradient fix (src/backend/gradient_fix.ts, on by default); customGrad ops
 *   (logSoftmax, softmaxCrossEntropy, logSumExp) still cannot be differentiated twice.
 * - `finiteDifferenceHvp`: central difference of gradients, (∇f(x+hv) − ∇f(x−hv)) / 2h, as Long &
 *   Bartlett do; needs first-order gradients only, so it works with any op, at O(h²) truncation
 *   error plus O(ε‖∇f‖/h) rounding error.
 */
import { tf } from '../tf.js';

export type ScalarFunction = (x: tf.Tensor1D) => tf.Scalar;

/** tf.grad of f, typed for 1-D inputs. */
function gradientOf(f: (x: tf.Tensor1D) => tf.Tensor): (x: tf.Tensor1D) => tf.Tensor1D {
  return tf.grad(f as (x: tf.Tensor) => tf.Tensor) as (x: tf.Tensor1D) => tf.Tensor1D;
}

export function exactHvp(f: ScalarFunction, x: tf.Tensor1D, v: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const gradF = gradientOf(f);
    return gradientOf((y) => tf.sum(tf.mul(gradF(y), v)))(x);
  });
}

/**
 * Default step: h = FD_STEP · max(1, ‖x‖∞) along u = v/‖v‖∞, which balances float32 truncation and
 * rounding errors (h ≈ ε^(1/3) ≈ 4e-3 relative); the result is scaled back by ‖v‖∞ (H·v is linear
 * in v), so a tiny or huge v cannot push h out of float32 range.
 */
export const FD_STEP = 4e-3;

export function finiteDifferenceHvp(f: ScalarFunction, x: tf.Tensor1D, v: tf.Tensor1D, step = FD_STEP): tf.Tensor1D {
  return tf.tidy(() => {
    const vMax = tf.max(tf.abs(v)).dataSync()[0]!;
    if (vMax === 0) return tf.zerosLike(x);
    const xMax = tf.max(tf.abs(x)).dataSync()[0]!;
    const h = step * Math.max(1, xMax);
    const hu = tf.mul(tf.div(v, vMax), h);
    const gradF = gradientOf(f);
    const difference = tf.sub(gradF(tf.add(x, hu) as tf.Tensor1D), gradF(tf.sub(x, hu) as tf.Tensor1D));
    return tf.mul(difference, vMax / (2 * h)) as tf.Tensor1D;
  });
}
