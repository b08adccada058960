/**
 * The training page: a small tfjs-layers model trained with SamOptimizer from the browser entry
 * (`samcheck/browser`, src/browser.ts) — built as a 'library' page, so nothing here may need Node.
 * The Node side (properties/browser/training.ts (run by chromium.test.ts)) compares a GPU backend's run with cpu's.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { SamcheckError, SamOptimizer, tf, useBackend } from '../../src/browser.js';
import { installPage } from './page.js';

export interface TrainingArgs {
  backend: string;
  epochs: number;
  /** Examples; one full batch per epoch, so epochs = optimizer steps. */
  examples: number;
  rho: number;
  learningRate: number;
}

export interface TrainingOutcome {
  backend: string;
  /** Trainable weights after training, flattened, layer by layer. */
  initial: number[];
  final: number[];
  losses: number[];
  /** tf.memory().numTensors after each epoch (flat: nothing leaks across steps). */
  tensorCounts: number[];
  /** Set when samcheck refused to train here (a SamcheckError: code and message). */
  refused?: { code: string; message: string };
}

/** Inputs in [−1, 1) from a fixed integer hash; labels from a fixed linear rule: the same data on every backend. */
function data(n: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const values = Array.from({ length: n * 4 }, (_, i) => ((Math.imul(i + 1, 2654435761) >>> 0) / 2 ** 32) * 2 - 1);
  const labels = Array.from({ length: n }, (_, r) => (values[4 * r]! - 0.5 * values[4 * r + 1]! + 0.25 * values[4 * r + 2]! > 0 ? 1 : 0));
  return { x: tf.tensor2d(values, [n, 4]), y: tf.oneHot(tf.tensor1d(labels, 'int32'), 2) as tf.Tensor2D };
}

function model(optimizer: tf.Optimizer): tfl.Sequential {
  const m = tfl.sequential();
  m.add(tfl.layers.dense({ units: 8, inputShape: [4], activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) }));
  m.add(tfl.layers.dense({ units: 8, activation: 'tanh', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }));
  m.add(tfl.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 3 }) }));
  m.compile({ optimizer, loss: 'categoricalCrossentropy' });
  return m;
}

async function weightsOf(m: tfl.Sequential): Promise<number[]> {
  const parts = await Promise.all(m.trainableWeights.map(async (w) => Array.from(await w.read().data())));
  return parts.flat();
}

async function train(args: TrainingArgs): Promise<TrainingOutcome> {
  await useBackend({ backend: args.backend });
  const { x, y } = data(args.examples);
  const optimizer = new SamOptimizer({ learningRate: args.learningRate, rho: args.rho });
  const m = model(optimizer);
  const initial = await weightsOf(m);
  const outcome: TrainingOutcome = { backend: tf.getBackend(), initial, final: initial, losses: [], tensorCounts: [] };
  try {
    for (let e = 0; e < args.epochs; e++) {
      const h = await m.fit(x, y, { epochs: 1, batchSize: args.examples, shuffle: false, verbose: 0 });
      outcome.losses.push(h.history.loss[0] as number);
      outcome.tensorCounts.push(tf.memory().numTensors);
    }
    outcome.final = await weightsOf(m);
  } catch (err) {
    if (!(err instanceof SamcheckError)) throw err;
    outcome.refused = { code: err.code, message: err.message };
    outcome.final = await weightsOf(m);
  } finally {
    tf.dispose([x, y]);
    m.dispose();
    optimizer.dispose();
  }
  return outcome;
}

installPage({ train }, true);
