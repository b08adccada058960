/** L = aᵀx + b (zero Hessian: the degenerate case of properties.md X8). */
import { tf, type Scalar } from '../../tf.js';
import { smoothFunction } from './smooth.js';
import { literal, sum, variable } from './symbolic.js';
import type { AnalyticFunction, BuildOptions, LinearSpec } from './types.js';

export function linear(spec: LinearSpec, options: BuildOptions = {}): AnalyticFunction {
  return smoothFunction({
    name: `linear(d=${spec.a.length})`,
    dim: spec.a.length,
    expression: `${sum(spec.a.map((a, i) => `${literal(a)} * ${variable(i)}`))} + ${literal(spec.b)}`,
    tfLoss: (theta) => tf.add(tf.sum(tf.mul(tf.tensor1d(spec.a), theta)), spec.b) as Scalar,
    ...options,
  });
}
