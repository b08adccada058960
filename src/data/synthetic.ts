import { positive, positiveInteger, inRange } from '../validate.js';
import type { Dataset, Split } from './dataset.js';
import { createRandom, normalArray, type Random } from './random.js';

export interface SyntheticOptions {
  seed: number;
  /** Training examples (default 1024). */
  train?: number;
  /** Test examples (default 1024). */
  test?: number;
  /** Input dimension (default 20). */
  features?: number;
  /** Classes (default 4). */
  classes?: number;
  /** Hidden width of the random teacher (default 32). */
  teacherWidth?: number;
  /** Fraction of training labels replaced by a uniformly drawn other class (default 0.2). Test labels stay clean. */
  labelNoise?: number;
  /** Scale of the teacher's output weights; larger = sharper class boundaries (default 3). */
  margin?: number;
}

/**
 * A classification task generated from a seed: x ~ N(0, I), label = argmax of a random one-hidden-layer
 * tanh teacher, then a fraction of the *training* labels is flipped to another class. Label noise is
 * the regime where SAM is reported to help most; the test labels are clean so test accuracy measures
 * how much of the noise a model memorised.
 */
export function syntheticClassification(options: SyntheticOptions): Split {
  const seed = options.seed;
  const train = positiveInteger('train', options.train ?? 1024);
  const test = positiveInteger('test', options.test ?? 1024);
  const features = positiveInteger('features', options.features ?? 20);
  const classes = positiveInteger('classes', options.classes ?? 4);
  const width = positiveInteger('teacherWidth', options.teacherWidth ?? 32);
  const labelNoise = inRange('labelNoise', options.labelNoise ?? 0.2, 0, 1, true);
  const margin = positive('margin', options.margin ?? 3);
  if (classes < 2) throw new RangeError('classes must be >= 2');
  // Separate streams: the teacher, each split's inputs and the label flips do not shift when a size or the noise level changes.
  const stream = (k: number) => createRandom(seed * 7919 + k);
  const random = stream(0);
  const w1 = normalArray(random, features * width, 1 / Math.sqrt(features));
  const w2 = normalArray(random, width * classes, margin / Math.sqrt(width));
  const teacher = (x: Float32Array, i: number): number => {
    const logits = new Float64Array(classes);
    for (let h = 0; h < width; h++) {
      let a = 0;
      for (let f = 0; f < features; f++) a += x[i * features + f] * w1[f * width + h];
      const t = Math.tanh(a);
      for (let c = 0; c < classes; c++) logits[c] += t * w2[h * classes + c];
    }
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[c] > logits[best]) best = c;
    return best;
  };
  const make = (n: number, noise: number, k: number): Dataset => {
    const x = normalArray(stream(k), n * features);
    const flips = stream(k + 1);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = teacher(x, i);
      if (noise > 0 && flips.uniform() < noise) y[i] = flipLabel(flips, y[i], classes);
    }
    return { x, y, n, shape: [features], classes };
  };
  return {
    name: 'synthetic',
    train: make(train, labelNoise, 1),
    test: make(test, 0, 3),
    description:
      `synthetic teacher task (seed ${seed}): ${train} train / ${test} test, ${features} features, ${classes} classes, ` +
      `tanh teacher width ${width}, ${Math.round(labelNoise * 100)}% training label noise, clean test labels`,
  };
}

function flipLabel(random: Random, label: number, classes: number): number {
  const other = random.integer(classes - 1);
  return other >= label ? other + 1 : other;
}
