/** A tiny seeded Dense → BatchNorm → Dense classifier and its data, shared by the model.fit tests. */
import * as tfl from '@tensorflow/tfjs-layers';
import { tf } from '../../src/tf.js';

export function classificationData(n: number, seed = 1): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const x = tf.randomNormal([n, 4], 0, 1, 'float32', seed) as tf.Tensor2D;
  const y = tf.oneHot(tf.cast(tf.greater(tf.sum(x, 1), 0), 'int32'), 2) as tf.Tensor2D;
  return { x, y };
}

/** Same initial weights for every call (seeded initializers; BatchNorm starts at mean 0, variance 1). */
export function bnClassifier(optimizer: tf.Optimizer, bnMomentum = 0.5): tfl.Sequential {
  const model = tfl.sequential();
  model.add(tfl.layers.dense({ units: 6, inputShape: [4], activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) }));
  model.add(tfl.layers.batchNormalization({ momentum: bnMomentum }));
  model.add(tfl.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }));
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** The BatchNorm layer's moving mean and variance, flattened (float32 values). */
export function movingStatistics(model: tfl.Sequential): number[] {
  return model.layers[1].nonTrainableWeights.flatMap((w) => Array.from(w.read().dataSync()));
}

/** One model.fit epoch on the whole data as a single batch: exactly one optimizer step. */
export async function oneStep(model: tfl.Sequential, x: tf.Tensor, y: tf.Tensor): Promise<{ loss: number; acc: number }> {
  const h = await model.fit(x, y, { epochs: 1, batchSize: x.shape[0], shuffle: false, verbose: 0 });
  return { loss: h.history.loss[0] as number, acc: h.history.acc[0] as number };
}

/** Dense → BatchNorm → Dropout → Dense, compiled with or without a metric: what everyday tfjs training code looks like. */
export function bnDropoutClassifier(optimizer: tf.Optimizer, metrics: string[] = ['accuracy']): tfl.Sequential {
  const model = tfl.sequential();
  model.add(tfl.layers.dense({ units: 6, inputShape: [4], activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) }));
  model.add(tfl.layers.batchNormalization({ momentum: 0.5 }));
  model.add(tfl.layers.dropout({ rate: 0.25, seed: 3 }));
  model.add(tfl.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }));
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics });
  return model;
}

/** A minimal tf.data-style dataset of {xs, ys} batches (tfjs-data is not a dependency): what model.fitDataset reads. */
export function batchDataset(x: tf.Tensor, y: tf.Tensor, batchSize: number): { iterator(): Promise<{ next(): Promise<{ done: boolean; value: unknown }> }> } {
  return {
    async iterator() {
      let start = 0;
      return {
        async next() {
          if (start >= x.shape[0]) return { done: true, value: null };
          const size = Math.min(batchSize, x.shape[0] - start);
          const value = { xs: x.slice(start, size), ys: y.slice(start, size) };
          start += size;
          return { done: false, value };
        },
      };
    },
  };
}
