import { tf, type Tensor } from '../../src/tf.js';
import { createRandom } from '../../src/data/random.js';
import type { Dataset, Split } from '../../src/data/dataset.js';
import { initState, step, tensorsIn } from '../../src/kernels/step.js';
import type { Objective } from '../../src/kernels/types.js';
import { build, type Variant } from '../common/algorithms.js';
import { classifierObjective, disposeBatch, perExampleLoss, toBatch, type Batch } from '../common/classifier_objective.js';
import { initParams, type Model } from '../common/models.js';
import { powerIteration } from '../../src/analysis/hessian.js';

export interface TrainOptions {
  split: Split;
  model: Model;
  variant: Variant;
  epochs: number;
  batchSize: number;
  seed: number;
  /** Examples of the training set the Hessian is estimated on (the first N). */
  hessianExamples: number;
  hessianIterations: number;
}

export interface TrainOutcome {
  testAccuracy: number;
  testLoss: number;
  trainLoss: number;
  /** ‖H‖ estimate (‖Hv‖ at the power iteration's end; the Rayleigh quotient's sign is unreliable at ±λ ties, algorithms.md §10.1). */
  sharpness: number;
}

/** A seeded permutation of 0..n-1 (Fisher–Yates). */
export function permutation(n: number, seed: number): Int32Array {
  const random = createRandom(seed);
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.integer(i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

function evaluate(model: Model, params: Tensor[], batch: Batch): { loss: number; accuracy: number } {
  return tf.tidy(() => {
    const logits = model.forward(params, batch.x);
    const loss = tf.mean(perExampleLoss(model, params, batch.x, batch.oneHot)).dataSync()[0];
    const correct = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(batch.oneHot, 1)), 'float32')).dataSync()[0];
    return { loss, accuracy: correct / batch.size };
  });
}

const subset = (d: Dataset, n: number): Dataset => ({ ...d, n: Math.min(n, d.n), x: d.x.subarray(0, Math.min(n, d.n) * (d.x.length / d.n)), y: d.y.subarray(0, Math.min(n, d.n)) });

/**
 * Minibatch training with the functional step: reshuffled every epoch (seeded), the last partial
 * batch dropped (m-SAM needs m to divide the batch). n-SAM's full objective is the whole training set.
 */
export function train(o: TrainOptions): TrainOutcome {
  const train = toBatch(o.split.train, o.model.inputShape);
  const test = toBatch(o.split.test, o.model.inputShape);
  const batchesPerEpoch = Math.floor(o.split.train.n / o.batchSize);
  const algorithm = build(o.variant, o.model.names);
  let params = initParams(o.model, o.seed);
  let state = initState(algorithm, params);
  const fullObjective = classifierObjective(o.model, train);
  try {
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const order = permutation(o.split.train.n, o.seed * 1000 + epoch);
      for (let b = 0; b < batchesPerEpoch; b++) {
        const idx = tf.tensor1d(order.subarray(b * o.batchSize, (b + 1) * o.batchSize), 'int32');
        const batch: Batch = { x: tf.gather(train.x, idx), oneHot: tf.gather(train.oneHot, idx), size: o.batchSize };
        const objective: Objective = classifierObjective(o.model, batch, () => fullObjective);
        const out = step(algorithm, params, objective, state);
        tf.dispose([idx, ...params, ...tensorsIn(state), ...tensorsIn(out.info)]);
        disposeBatch(batch);
        params = out.params;
        state = out.state;
      }
    }
    const testEval = evaluate(o.model, params, test);
    const trainEval = evaluate(o.model, params, train);
    const hessianBatch = toBatch(subset(o.split.train, o.hessianExamples), o.model.inputShape);
    const sharp = powerIteration(classifierObjective(o.model, hessianBatch), params, { seed: o.seed, maxIterations: o.hessianIterations });
    disposeBatch(hessianBatch);
    return { testAccuracy: testEval.accuracy, testLoss: testEval.loss, trainLoss: trainEval.loss, sharpness: sharp.norm };
  } finally {
    tf.dispose([...params, ...tensorsIn(state)]);
    disposeBatch(train);
    disposeBatch(test);
  }
}
