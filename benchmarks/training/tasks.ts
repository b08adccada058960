import { rows, type Dataset, type Split } from '../../src/data/dataset.js';
import { fashionMnistAvailable, loadFashionMnist } from '../../src/data/idx.js';
import { createRandom } from '../../src/data/random.js';
import { syntheticClassification } from '../../src/data/synthetic.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { mlp, type Model } from '../common/models.js';

/** A training task: data with a validation split (for choosing ρ), a model and the base optimizer. */
export interface TrainingTask {
  /** Short name for metric ids ("synthetic", "fashion-mnist-noise40"). */
  name: string;
  /** The train/test split the reported numbers use; `validation` is held out of `split.train`. */
  split: Split;
  validation: Dataset;
  model: Model;
  epochs: number;
  batchSize: number;
  learningRate: number;
  momentum: number;
  /** SAM radii tried on the validation split (the best is used for every SAM-type method but ASAM). */
  rhoGrid: number[];
  /** Training-label noise (fraction of labels replaced by another class), for the report's text. */
  labelNoise: number;
}

/**
 * Symmetric label noise: exactly round(fraction·n) labels, chosen by a seeded permutation, each
 * replaced by a uniformly drawn *other* class. Inputs are shared (no copy); labels are new.
 */
export function withLabelNoise(d: Dataset, fraction: number, seed: number): Dataset {
  if (!(fraction >= 0 && fraction <= 1)) throw new InvalidArgumentError('fraction', fraction, 'a fraction in [0, 1]', 'INVALID_ARGUMENT');
  const random = createRandom(seed);
  const order = Int32Array.from({ length: d.n }, (_, i) => i);
  for (let i = d.n - 1; i > 0; i--) {
    const j = random.integer(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const y = Int32Array.from(d.y);
  for (const i of order.subarray(0, Math.round(fraction * d.n))) {
    const other = random.integer(d.classes - 1);
    y[i] = other >= d.y[i] ? other + 1 : other;
  }
  return { ...d, y };
}

/**
 * Sizes and lengths per mode (spec/benchmarks.md, "Training"). Fashion-MNIST is small enough, and
 * trained long enough, for SGD to memorize the noisy labels (the regime of SAM's label-noise result).
 */
const SIZES = {
  quick: { synthetic: { train: 512, validation: 256, test: 1024, epochs: 15 }, fashion: { train: 1024, validation: 512, test: 2000, epochs: 10 } },
  full: { synthetic: { train: 1024, validation: 512, test: 4096, epochs: 40 }, fashion: { train: 4096, validation: 1024, test: 10000, epochs: 40 } },
};
/** Fashion-MNIST's MLP: wide enough to memorize 40% wrong labels of 4096 examples within the full run. */
const FASHION_MLP = [784, 256, 10];
/** Fashion-MNIST training-label noise: Foret et al. report SAM's robustness to label noise. */
export const FASHION_LABEL_NOISE = 0.4;

/** The tasks of one report run; Fashion-MNIST only when Debian's dataset-fashion-mnist is installed. */
export function trainingTasks(quick: boolean, seed: number, notes: string[]): TrainingTask[] {
  const size = quick ? SIZES.quick : SIZES.full;
  const s = size.synthetic;
  // The synthetic task's own 20% flips apply to its training examples; validation comes from the same noisy pool.
  const synthetic = syntheticClassification({ seed, train: s.train + s.validation, test: s.test });
  const tasks: TrainingTask[] = [
    {
      name: 'synthetic',
      split: { ...synthetic, train: rows(synthetic.train, 0, s.train), description: synthetic.description.replace(`${s.train + s.validation} train`, `${s.train} train + ${s.validation} validation`) },
      validation: rows(synthetic.train, s.train, s.train + s.validation),
      model: mlp([20, 64, 64, 4]),
      epochs: s.epochs,
      batchSize: 64,
      learningRate: 0.05,
      momentum: 0.9,
      rhoGrid: quick ? [0.05, 0.2] : [0.02, 0.05, 0.1, 0.2],
      labelNoise: 0.2,
    },
  ];
  if (!fashionMnistAvailable()) {
    notes.push('Fashion-MNIST skipped: /usr/share/datasets/fashion-mnist not found (apt-get install dataset-fashion-mnist).');
    return tasks;
  }
  const f = size.fashion;
  const pool = loadFashionMnist({ train: f.train + f.validation, test: f.test });
  const noisy = withLabelNoise(pool.train, FASHION_LABEL_NOISE, seed * 7919 + 17);
  const pct = Math.round(100 * FASHION_LABEL_NOISE);
  tasks.push({
    name: `fashion-mnist-noise${pct}`,
    split: {
      name: `fashion-mnist-noise${pct}`,
      train: rows(noisy, 0, f.train),
      test: pool.test,
      description: `Fashion-MNIST, ${pct}% symmetric training-label noise (clean test labels): first ${f.train} train + ${f.validation} validation / ${pool.test.n} test examples`,
    },
    validation: rows(noisy, f.train, f.train + f.validation),
    model: mlp(FASHION_MLP, [28, 28, 1]),
    epochs: f.epochs,
    batchSize: 128,
    learningRate: 0.05,
    momentum: 0.9,
    rhoGrid: quick ? [0.05, 0.2] : [0.02, 0.05, 0.1, 0.2],
    labelNoise: FASHION_LABEL_NOISE,
  });
  return tasks;
}
