/**
 * The shared machinery behind every smooth family: a mathjs expression (the oracle) and a
 * float32 loss of the flat parameter vector (the twin), plus scaling, shifting and layouts.
 */
import { tf, type Scalar } from '../../tf.js';

type Tensor1D = tf.Tensor1D;
import { InvalidArgumentError } from '../../errors.js';
import { functionObjective } from '../../kernels/objective.js';
import type { Tree } from '../../kernels/types.js';
import { literal, symbolic } from './symbolic.js';
import type { AnalyticFunction, Eigen, Layout } from './types.js';

export interface SmoothDefinition {
  name: string;
  dim: number;
  expression: string;
  /** The float32 twin as a function of the flat parameter vector θ (shape [d]). */
  tfLoss: (theta: Tensor1D) => Scalar;
  eigen?: Eigen;
  layout?: Layout;
}

/** One tensor 'x' holding all d coordinates. */
export const singleTensor = (dim: number): Layout => ({ names: ['x'], sizes: [dim] });

export function checkLayout(layout: Layout, dim: number): Layout {
  const total = layout.sizes.reduce((s, n) => s + n, 0);
  if (layout.names.length !== layout.sizes.length || total !== dim || layout.sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new InvalidArgumentError('layout', layout, `names and positive integer sizes summing to ${dim}`, 'INVALID_ARGUMENT');
  }
  return layout;
}

/** The flat vector θ: the layout's tensors concatenated in order. */
export const flatten = (params: Tree): Tensor1D => tf.concat(params.map((p) => tf.reshape(p, [-1]))) as Tensor1D;

/** c·expression + s as an expression, with exact literals. */
export const affineExpression = (expression: string, c: number, s: number): string =>
  `${literal(c)} * (${expression}) + ${literal(s)}`;

export function smoothFunction(def: SmoothDefinition): AnalyticFunction {
  const layout = checkLayout(def.layout ?? { names: ['x'], sizes: [def.dim] }, def.dim);
  const oracle = symbolic(def.expression, def.dim);
  const affine = (c: number, s: number, name: string): AnalyticFunction =>
    smoothFunction({
      ...def,
      name,
      expression: affineExpression(def.expression, c, s),
      tfLoss: (theta) => tf.add(tf.mul(def.tfLoss(theta), c), s) as Scalar,
      ...(def.eigen ? { eigen: { values: def.eigen.values.map((v) => c * v), vectors: def.eigen.vectors } } : {}),
    });
  return {
    name: def.name,
    dim: def.dim,
    expression: def.expression,
    layout,
    ...(def.eigen ? { eigen: def.eigen } : {}),
    value: oracle.value,
    gradient: oracle.gradient,
    hessian: oracle.hessian,
    tfObjective: () => functionObjective((params) => def.tfLoss(flatten(params))),
    scaled: (c) => affine(c, 0, `${c}·${def.name}`),
    shifted: (s) => affine(1, s, `${def.name} + ${s}`),
    withLayout: (l) => smoothFunction({ ...def, layout: l }),
  };
}
