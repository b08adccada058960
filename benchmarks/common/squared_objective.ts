import { tf, type Scalar } from '../../src/tf.js';
import { functionObjective } from '../../src/kernels/objective.js';
import type { Objective } from '../../src/kernels/types.js';
import type { Batch } from './classifier_objective.js';
import type { Model } from './models.js';

/**
 * Long & Bartlett's loss: squared error between logits and one-hot labels, averaged over
 * examples and classes, without ½ (results.md §3.2). Twice differentiable everywhere in the ReLU
 * network's smooth regions, which is what their sharpness measurements assume.
 */
export function squaredErrorObjective(model: Model, batch: Batch): Objective {
  return functionObjective((params) => tf.mean(tf.square(tf.sub(model.forward(params, batch.x), batch.oneHot))) as Scalar);
}
