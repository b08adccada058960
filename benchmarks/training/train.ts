import { tf, type Tensor } from '../../src/tf.js';
import { createRandom } from '../../src/data/random.js';
import { head, type Split } from '../../src/data/dataset.js';
import { initState, step, tensorsIn } from '../../src/kernels/step.js';
import type { Objective, Tree } from '../../src/kernels/types.js';
import { build, type Variant } from '../common/algorithms.js';
import { classifierObjective, disposeBatch, perExampleLoss, toBatch, type Batch } from '../common/classifier_objective.js';
import { initParams, type Model } from '../common/models.js';
import { processCpuMs } from '../common/timing.js';
import { powerIteration } from '../../src/analysis/hessian.js';

export interface TrainOptions {
  split: Split;
  model: Model;
  variant: Variant;
  epochs: number;
  batchSize: number;
  seed: number;
  /** Learning rate per epoch: constant, or cosine annealing to 0 stepped per epoch (T_max = epochs, as XSAM's code). */
  schedule?: 'constant' | 'cosine';
  /** Examples of the training set the Hessian is estimated on (the first N). */
  hessianExamples: number;
  /** Power iterations for the end-of-training eigenvalue (warm-started from the curve's last vector). */
  hessianIterations: number;
  /**
   * Per-epoch curve: loss/accuracy on the test set and the first `trainExamples` training examples,
   * and λ_max by `hessianIterations` power iterations warm-started from the previous epoch's vector
   * (`firstIterations` from a random vector at epoch 0).
   */
  curve?: { trainExamples: number; hessianIterations: number; firstIterations: number };
  /** Called with the trained parameters, the Hessian batch's objective and the top eigenvector (unit, flattened), before they are freed. */
  atEnd?(params: Tree, hessianObjective: Objective, topEigenvector: Float64Array): void;
}

/** One point of the training curve (epoch 0 = at initialization). */
export interface EpochPoint {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
  /** ‖H‖ estimate (a few warm-started power iterations per epoch). */
  sharpness: number;
}

export interface TrainOutcome {
  testAccuracy: number;
  testLoss: number;
  /** On the (possibly noisy) training labels, all training examples. */
  trainLoss: number;
  trainAccuracy: number;
  /** ‖H‖ estimate (‖Hv‖ at the power iteration's end; the Rayleigh quotient's sign is unreliable at ±λ ties, algorithms.md §10.1). */
  sharpness: number;
  curve: EpochPoint[];
  /** Process CPU ms of each epoch's optimizer steps (evaluation and curves excluded). */
  epochCpuMs: number[];
}

/** The learning rate of `epoch` (0-based) under `schedule`. */
export function learningRateAt(base: number, epoch: number, epochs: number, schedule: 'constant' | 'cosine' = 'constant'): number {
  return schedule === 'cosine' ? 0.5 * base * (1 + Math.cos((Math.PI * epoch) / epochs)) : base;
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

/** The data order of one epoch: shared by every algorithm and by the PyTorch peer (a paired design). */
export const epochOrder = (n: number, seed: number, epoch: number): Int32Array => permutation(n, seed * 1000 + epoch);

export function evaluate(model: Model, params: Tree, batch: Batch): { loss: number; accuracy: number } {
  return tf.tidy(() => {
    const logits = model.forward(params, batch.x);
    const loss = tf.mean(perExampleLoss(model, params, batch.x, batch.oneHot)).dataSync()[0];
    const correct = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(batch.oneHot, 1)), 'float32')).dataSync()[0];
    return { loss, accuracy: correct / batch.size };
  });
}

/**
 * Minibatch training with the functional step: reshuffled every epoch (seeded by seed and epoch
 * only, so every algorithm sees the same order), the last partial batch dropped (m-SAM needs m to
 * divide the batch). n-SAM's full objective is the whole training set.
 */
export function train(o: TrainOptions): TrainOutcome {
  const train = toBatch(o.split.train, o.model.inputShape);
  const test = toBatch(o.split.test, o.model.inputShape);
  const hessianBatch = toBatch(head(o.split.train, o.hessianExamples), o.model.inputShape);
  const curveTrain = o.curve ? toBatch(head(o.split.train, o.curve.trainExamples), o.model.inputShape) : undefined;
  const hessianObjective = classifierObjective(o.model, hessianBatch);
  const batchesPerEpoch = Math.floor(o.split.train.n / o.batchSize);
  const algorithmAt = (epoch: number) =>
    build({ ...o.variant, config: { ...o.variant.config, learningRate: learningRateAt(o.variant.config.learningRate as number, epoch, o.epochs, o.schedule) } }, o.model.names);
  // The state's layout does not depend on the learning rate, so it carries over when the schedule rebuilds the algorithm.
  let algorithm = algorithmAt(0);
  let params = initParams(o.model, o.seed);
  let state = initState(algorithm, params);
  const fullObjective = classifierObjective(o.model, train);
  const curve: EpochPoint[] = [];
  const epochCpuMs: number[] = [];
  let direction: Float64Array | undefined;
  const sharpness = (iterations: number) => {
    const r = powerIteration(hessianObjective, params, { seed: o.seed, maxIterations: iterations, ...(direction ? { start: direction } : {}) });
    direction = r.vector;
    return r.norm;
  };
  // Later points start from the previous vector: λ_max and its eigenvector move slowly between epochs.
  const record = (epoch: number) => {
    if (!o.curve || !curveTrain) return;
    const tr = evaluate(o.model, params, curveTrain);
    const te = evaluate(o.model, params, test);
    const lambda = sharpness(epoch === 0 ? o.curve.firstIterations : o.curve.hessianIterations);
    curve.push({ epoch, trainLoss: tr.loss, trainAccuracy: tr.accuracy, testLoss: te.loss, testAccuracy: te.accuracy, sharpness: lambda });
  };
  try {
    record(0);
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const order = epochOrder(o.split.train.n, o.seed, epoch);
      if (o.schedule === 'cosine' && epoch > 0) algorithm = algorithmAt(epoch);
      const started = processCpuMs();
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
      // One read, so an asynchronous backend has finished the epoch inside its timing.
      params[0].dataSync();
      epochCpuMs.push(processCpuMs() - started);
      record(epoch + 1);
    }
    const testEval = evaluate(o.model, params, test);
    const trainEval = evaluate(o.model, params, train);
    const finalSharpness = sharpness(o.hessianIterations);
    if (o.atEnd && direction) o.atEnd(params, hessianObjective, direction);
    return { testAccuracy: testEval.accuracy, testLoss: testEval.loss, trainLoss: trainEval.loss, trainAccuracy: trainEval.accuracy, sharpness: finalSharpness, curve, epochCpuMs };
  } finally {
    tf.dispose([...params, ...tensorsIn(state)] as Tensor[]);
    for (const b of [train, test, hessianBatch, curveTrain]) if (b) disposeBatch(b);
  }
}
