/** Flat float64 arrays ↔ tfjs tensors, and an Objective that asks the harness's oracle. */
import { tf } from '../../tf.js';
import { fromFlat, toFlat } from '../../kernels/tree.js';
import type { Objective, Tree } from '../../kernels/types.js';
import type { GradientOracle, Layout } from '../types.js';

export const shapesOf = (layout: Layout): number[][] => layout.sizes.map((s) => [s]);

export const flatOf = (tree: Tree): number[] => Array.from(toFlat(tree));

/** The harness serves float64; the kernel rounds to float32 when it builds the tensors. */
export function oracleObjective(oracle: GradientOracle, layout: Layout): Objective {
  const shapes = shapesOf(layout);
  return {
    valueAndGrad(point) {
      const r = oracle.evaluate(flatOf(point), ['value', 'gradient']);
      return { value: tf.scalar(r.value!), grads: fromFlat(r.gradient!, shapes) };
    },
    value: (point) => tf.scalar(oracle.evaluate(flatOf(point), ['value']).value!),
  };
}
