import { tf, type Scalar, type Tensor } from '../../src/tf.js';
import type { Objective, Tree } from '../../src/kernels/types.js';
import type { Dataset } from '../../src/data/dataset.js';
import type { Model } from './models.js';

/** Per-example cross-entropy, written as logSumExp(z) − ⟨y, z⟩ (first-order gradients only are needed). */
export function perExampleLoss(model: Model, params: Tree, x: Tensor, oneHot: Tensor): Tensor {
  const z = model.forward(params, x);
  return tf.sub(tf.logSumExp(z, 1), tf.sum(tf.mul(oneHot, z), 1));
}

/** A batch on the device: inputs and one-hot labels. Dispose with `disposeBatch`. */
export interface Batch {
  x: Tensor;
  oneHot: Tensor;
  size: number;
}

export function toBatch(data: Dataset, inputShape: number[]): Batch {
  return tf.tidy(() => ({
    x: tf.tensor(data.x, [data.n, ...inputShape], 'float32'),
    oneHot: tf.oneHot(tf.tensor1d(data.y, 'int32'), data.classes),
    size: data.n,
  }));
}

export function disposeBatch(b: Batch): void {
  b.x.dispose();
  b.oneHot.dispose();
}

/**
 * The mean cross-entropy of `model` on one batch, with every optional Objective capability
 * (slice for m-SAM, perSample/weighted for RW-SAM, full for n-SAM), so every registered
 * algorithm can run on it. `full` defaults to the batch itself.
 */
export function classifierObjective(model: Model, batch: Batch, full?: () => Objective, weights?: Tensor): Objective {
  const lossOf = (params: Tree): Scalar => {
    const per = perExampleLoss(model, params, batch.x, batch.oneHot);
    return (weights ? tf.sum(tf.mul(per, weights)) : tf.mean(per)) as Scalar;
  };
  const grad = tf.valueAndGrads((...params: Tensor[]) => lossOf(params));
  const self: Objective = {
    batchSize: batch.size,
    valueAndGrad: (point) => {
      const { value, grads } = grad(point);
      return { value: value as Scalar, grads };
    },
    value: (point) => lossOf(point),
    slice: (start, end) =>
      classifierObjective(model, { x: tf.slice(batch.x, start, end - start), oneHot: tf.slice(batch.oneHot, start, end - start), size: end - start }),
    perSample: (point) => perExampleLoss(model, point, batch.x, batch.oneHot),
    weighted: (w) => classifierObjective(model, batch, full, w),
    full: () => (full ? full() : self),
  };
  return self;
}
