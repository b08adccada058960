/** L = Σ_i q_i x_i⁴ + a quadratic: non-quadratic, with a Hessian that varies with x. */
import { tf, type Scalar } from '../../tf.js';
import { InvalidArgumentError } from '../../errors.js';
import { quadraticDefinition } from './quadratic.js';
import { smoothFunction } from './smooth.js';
import { literal, sum, variable } from './symbolic.js';
import type { AnalyticFunction, BuildOptions, QuarticSpec } from './types.js';

export function quartic(spec: QuarticSpec, options: BuildOptions = {}): AnalyticFunction {
  const base = quadraticDefinition(spec.quadratic);
  if (spec.quartic.length !== base.dim) throw new InvalidArgumentError('quartic', spec.quartic, `${base.dim} coefficients`, 'INVALID_ARGUMENT');
  return smoothFunction({
    name: `quartic(d=${base.dim})`,
    dim: base.dim,
    expression: `${sum(spec.quartic.map((q, i) => `${literal(q)} * ${variable(i)}^4`))} + ${base.expression}`,
    tfLoss: (theta) => tf.add(tf.sum(tf.mul(tf.tensor1d(spec.quartic), tf.square(tf.square(theta)))), base.tfLoss(theta)) as Scalar,
    ...options,
  });
}
