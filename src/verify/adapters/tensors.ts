/** Flat float64 arrays ↔ tfjs tensors, and an Objective that asks the harness's oracle. */
import { tf } from '../../tf.js';
import { fromFlat, toFlat } from '../../kernels/tree.js';
import type { Objective, Tree } from '../../kernels/types.js';
import type { GradientOracle, Layout, SampleSelection } from '../types.js';

export const shapesOf = (layout: Layout): number[][] => layout.sizes.map((s) => [s]);

export const flatOf = (tree: Tree): number[] => Array.from(toFlat(tree));

/**
 * The harness serves float64; the kernel rounds to float32 when it builds the tensors. On a
 * finite-sum step the objective also has the kernels' finite-sum views, each one a selection of
 * samples the harness serves (`samples` omitted = the batch, as for a plain objective).
 */
export function oracleObjective(oracle: GradientOracle, layout: Layout, selection: SampleSelection = {}): Objective {
  const shapes = shapesOf(layout);
  const data = oracle.data;
  const plain: Objective = {
    valueAndGrad(point) {
      const r = oracle.evaluate(flatOf(point), ['value', 'gradient'], selection);
      return { value: tf.scalar(r.value!), grads: fromFlat(r.gradient!, shapes) };
    },
    value: (point) => tf.scalar(oracle.evaluate(flatOf(point), ['value'], selection).value!),
  };
  if (data === undefined) return plain;
  const samples = [...(selection.samples ?? data.batch)];
  return {
    ...plain,
    batchSize: samples.length,
    slice: (start, end) => oracleObjective(oracle, layout, { samples: samples.slice(start, end) }),
    perSample: (point) => tf.tensor1d(oracle.evaluate(flatOf(point), ['perSample'], { samples }).perSample!),
    weighted: (weights) => oracleObjective(oracle, layout, { samples, weights: Array.from(weights.dataSync()) }),
    full: () => oracleObjective(oracle, layout, { samples: data.full }),
  };
}
