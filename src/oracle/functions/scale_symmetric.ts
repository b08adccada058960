/**
 * L = Σ_k (x_{2k−1}·x_{2k} − t_k)²: invariant under x ↦ a ⊙ x with a = (s_1, 1/s_1, s_2, 1/s_2, …),
 * the setting of ASAM's scale-equivariance property (properties.md E10).
 */
import { tf, type Scalar } from '../../tf.js';
import { InvalidArgumentError } from '../../errors.js';
import { smoothFunction } from './smooth.js';
import { literal, sum, variable } from './symbolic.js';
import type { AnalyticFunction, BuildOptions, ScaleSymmetricSpec, Vector } from './types.js';

export function scaleSymmetric(spec: ScaleSymmetricSpec, options: BuildOptions = {}): AnalyticFunction {
  const pairs = spec.targets.length;
  if (pairs < 1) throw new InvalidArgumentError('targets', spec.targets, 'at least one target', 'INVALID_ARGUMENT');
  const d = 2 * pairs;
  return smoothFunction({
    name: `scale-symmetric(d=${d})`,
    dim: d,
    expression: sum(spec.targets.map((t, k) => `(${variable(2 * k)} * ${variable(2 * k + 1)} - ${literal(t)})^2`)),
    tfLoss: (theta) => {
      const [u, v] = tf.split(tf.reshape(theta, [pairs, 2]), 2, 1);
      return tf.sum(tf.square(tf.sub(tf.reshape(tf.mul(u, v), [pairs]), tf.tensor1d(spec.targets)))) as Scalar;
    },
    ...options,
  });
}

/** The symmetry a = (s_1, 1/s_1, s_2, 1/s_2, …) with L(a ⊙ x) = L(x); s_k > 0. */
export const scaleSymmetry = (scales: number[]): Vector => scales.flatMap((s) => [s, 1 / s]);
