import { tf, type Scalar, type Tensor } from '../tf.js';
import { InvalidArgumentError } from '../errors.js';
import type { Objective, Tree } from './types.js';

/**
 * Per-sample losses f_i(params) for samples [start, end) of the batch, shape [end − start].
 * A pure function of the parameter list: this is the per-sample loss closure that m-SAM, n-SAM
 * and RW-SAM need and that `tf.Optimizer.minimize(f)` cannot supply.
 */
export type PerSampleLoss = (params: Tree, start: number, end: number) => Tensor;

export interface FiniteSumOptions {
  /** The full-data objective L_n (n-SAM); omitted → the objective has no `full`. */
  full?: Objective;
}

/**
 * A finite-sum Objective over a batch of `batchSize` samples: L_B = (1/b)·Σ f_i, with `slice`,
 * `perSample`, `weighted` and (optionally) `full`. Weights are constants: no gradient flows through p.
 */
export function finiteSumObjective(perSample: PerSampleLoss, batchSize: number, options: FiniteSumOptions = {}): Objective {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new InvalidArgumentError('batchSize', batchSize, 'an integer >= 1', 'INVALID_ARGUMENT');
  return range(perSample, 0, batchSize, null, options);
}

function range(perSample: PerSampleLoss, start: number, end: number, weights: Tensor | null, options: FiniteSumOptions): Objective {
  const loss = (params: Tree): Scalar => {
    const f = perSample(params, start, end);
    return (weights === null ? tf.mean(f) : tf.sum(tf.mul(f, weights))) as Scalar;
  };
  const valueAndGrads = tf.valueAndGrads((...params: Tensor[]) => loss(params));
  return {
    batchSize: end - start,
    valueAndGrad(point) {
      const { value, grads } = valueAndGrads(point);
      return { value: value as Scalar, grads };
    },
    value: (point) => loss(point),
    perSample: (point) => perSample(point, start, end),
    slice(s, e) {
      if (!(Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s < e && e <= end - start)) {
        throw new InvalidArgumentError('slice', [s, e], `0 <= start < end <= ${end - start}`, 'INVALID_ARGUMENT');
      }
      return range(perSample, start + s, start + e, null, options);
    },
    weighted: (w) => range(perSample, start, end, w, options),
    ...(options.full !== undefined ? { full: () => options.full! } : {}),
  };
}
