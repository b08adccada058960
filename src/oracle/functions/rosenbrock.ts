/** Chained Rosenbrock L = Σ_{i=1}^{d−1} [b·(x_{i+1} − x_i²)² + (a − x_i)²]; minimum 0 at x = (a, a², …) only for d = 2. */
import { tf, type Scalar } from '../../tf.js';
import { InvalidArgumentError } from '../../errors.js';
import { smoothFunction } from './smooth.js';
import { literal, sum, variable } from './symbolic.js';
import type { AnalyticFunction, BuildOptions, RosenbrockSpec } from './types.js';

export function rosenbrock(spec: RosenbrockSpec, options: BuildOptions = {}): AnalyticFunction {
  const d = spec.dim;
  if (!Number.isInteger(d) || d < 2) throw new InvalidArgumentError('dim', d, 'an integer >= 2', 'INVALID_ARGUMENT');
  const terms = Array.from({ length: d - 1 }, (_, i) => `${literal(spec.b)} * (${variable(i + 1)} - ${variable(i)}^2)^2 + (${literal(spec.a)} - ${variable(i)})^2`);
  return smoothFunction({
    name: `rosenbrock(d=${d})`,
    dim: d,
    expression: sum(terms),
    tfLoss: (theta) => {
      const head = tf.slice(theta, 0, d - 1);
      const tail = tf.slice(theta, 1, d - 1);
      const valley = tf.sum(tf.square(tf.sub(tail, tf.square(head))));
      return tf.add(tf.mul(valley, spec.b), tf.sum(tf.square(tf.sub(spec.a, head)))) as Scalar;
    },
    ...options,
  });
}
