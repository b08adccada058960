/**
 * Finite sums over data rows (a_i, y_i): least squares f_i = ½(a_iᵀx − y_i)² and logistic
 * f_i = log(1 + exp(−y_i·a_iᵀx)).
 */
import { tf } from '../../tf.js';
import { InvalidArgumentError } from '../../errors.js';
import { finiteSumFunction } from './finite_sum.js';
import { literal, sum, variable } from './symbolic.js';
import type { BuildOptions, FiniteSumFunction, RegressionSpec } from './types.js';

const checked = (spec: RegressionSpec): number => {
  const d = spec.features[0]?.length ?? 0;
  if (d < 1 || spec.features.length !== spec.targets.length || spec.features.some((a) => a.length !== d)) {
    throw new InvalidArgumentError('features', spec.features, 'n rows of equal length >= 1 and n targets', 'INVALID_ARGUMENT');
  }
  return d;
};

const innerProduct = (a: number[]) => `(${sum(a.map((v, j) => `${literal(v)} * ${variable(j)}`))})`;

/** A θ for rows [start, end): shape [end − start]. */
const margins = (spec: RegressionSpec, theta: tf.Tensor1D, start: number, end: number): tf.Tensor1D =>
  tf.reshape(tf.matMul(tf.tensor2d(spec.features.slice(start, end)), tf.reshape(theta, [-1, 1])), [end - start]);

const rowsOf = (spec: RegressionSpec, start: number, end: number) => tf.tensor1d(spec.targets.slice(start, end));

export function leastSquares(spec: RegressionSpec, options: BuildOptions = {}): FiniteSumFunction {
  const d = checked(spec);
  return finiteSumFunction({
    name: `least-squares(d=${d}, n=${spec.targets.length})`,
    dim: d,
    terms: spec.features.map((a, i) => `0.5 * (${innerProduct(a)} - ${literal(spec.targets[i])})^2`),
    tfPerSample: (theta, s, e) => tf.mul(tf.square(tf.sub(margins(spec, theta, s, e), rowsOf(spec, s, e))), 0.5),
    ...(spec.batch !== undefined ? { batch: spec.batch } : {}),
    ...options,
  });
}

/**
 * Labels y_i are used as given (normally ±1). The oracle's log(1 + exp(−z)) is exact enough in
 * float64 for |z| ≲ 700 (absolute error ≈ u); the float32 twin uses tf.softplus(−z), whose
 * kernel switches to exp(−z) or −z in the tails instead of overflowing.
 */
export function logistic(spec: RegressionSpec, options: BuildOptions = {}): FiniteSumFunction {
  const d = checked(spec);
  return finiteSumFunction({
    name: `logistic(d=${d}, n=${spec.targets.length})`,
    dim: d,
    terms: spec.features.map((a, i) => `log(1 + exp(-(${literal(spec.targets[i])} * ${innerProduct(a)})))`),
    tfPerSample: (theta, s, e) => tf.softplus(tf.neg(tf.mul(rowsOf(spec, s, e), margins(spec, theta, s, e)))) as tf.Tensor1D,
    ...(spec.batch !== undefined ? { batch: spec.batch } : {}),
    ...options,
  });
}
