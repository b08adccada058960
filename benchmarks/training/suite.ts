import { useBackend } from '../../src/backend/index.js';
import type { Split } from '../../src/data/dataset.js';
import { fashionMnistAvailable, loadFashionMnist } from '../../src/data/idx.js';
import { syntheticClassification } from '../../src/data/synthetic.js';
import { formatInterval, sampleSd, tInterval95 } from '../../src/report/stats.js';
import type { Metric, Suite, Table } from '../../src/report/types.js';
import { registeredVariants } from '../common/algorithms.js';
import { mlp, type Model } from '../common/models.js';
import { train, type TrainOutcome } from './train.js';
import { slug } from '../common/slug.js';

export interface TrainingTask {
  split: Split;
  model: Model;
  epochs: number;
  batchSize: number;
  learningRate: number;
  momentum: number;
}

/** The tasks for one report run; Fashion-MNIST only when Debian's dataset-fashion-mnist is installed. */
export function trainingTasks(quick: boolean, seed: number, notes: string[]): TrainingTask[] {
  const synthetic = syntheticClassification({ seed, train: quick ? 512 : 1024, test: quick ? 1024 : 4096 });
  const tasks: TrainingTask[] = [{ split: synthetic, model: mlp([20, 64, 64, 4]), epochs: quick ? 15 : 40, batchSize: 64, learningRate: 0.05, momentum: 0.9 }];
  if (fashionMnistAvailable()) {
    const fm = loadFashionMnist({ train: quick ? 2048 : 10240, test: quick ? 1000 : 5000 });
    tasks.push({ split: fm, model: mlp([784, 128, 10], [28, 28, 1]), epochs: quick ? 2 : 5, batchSize: 128, learningRate: 0.05, momentum: 0.9 });
  } else {
    notes.push('Fashion-MNIST skipped: /usr/share/datasets/fashion-mnist not found (apt-get install dataset-fashion-mnist).');
  }
  return tasks;
}

/**
 * n-SAM's ascent uses the gradient of the whole training set: batches-per-epoch + 1 batch gradients
 * per step. On full Fashion-MNIST (80 batches) that is ≈ 3× all other algorithms together, so it
 * runs only where the training set is at most this many batches (the synthetic task: 16).
 */
const N_SAM_MAX_BATCHES = 20;


export const trainingSuite: Suite = {
  name: 'training',
  title: 'Training benchmarks: test accuracy, loss and sharpness',
  async run(ctx) {
    await useBackend({ backend: ctx.backends[0] ?? 'wasm' });
    const notes: string[] = [
      'Top Hessian eigenvalue: power iteration with central-difference HVPs (ε = 1e-3) on the first 512 training examples, reported as ‖Hv‖ (the Rayleigh quotient flips sign at ±λ ties), src/analysis/hessian.ts powerIteration.',
    ];
    const tasks = trainingTasks(ctx.quick, ctx.seed, notes);
    const seeds = Array.from({ length: ctx.quick ? 2 : 5 }, (_, i) => ctx.seed * 100 + i);
    const tables: Table[] = [];
    const metrics: Metric[] = [];
    const plan = tasks.map((t) => {
      const batchesPerEpoch = Math.floor(t.split.train.n / t.batchSize);
      const found = registeredVariants({ learningRate: t.learningRate, momentum: t.momentum, batchSize: t.batchSize, batchesPerEpoch }, t.model.names);
      if (batchesPerEpoch <= N_SAM_MAX_BATCHES) return { task: t, ...found };
      const skipped = found.variants.filter((v) => v.algorithm === 'n-sam').map((v) => `${v.label}: not run (its step takes ${batchesPerEpoch + 1} batch gradients, the whole training set; run on tasks of ≤ ${N_SAM_MAX_BATCHES} batches)`);
      return { task: t, variants: found.variants.filter((v) => v.algorithm !== 'n-sam'), notes: [...found.notes, ...skipped] };
    });
    const total = plan.reduce((s, p) => s + p.variants.length * seeds.length, 0);
    let done = 0;
    for (const { task, variants, notes: skipped } of plan) {
      notes.push(...skipped.map((n) => `${task.split.name}: ${n}`));
      const rows: Table['rows'] = [];
      for (const variant of variants) {
        const outcomes: TrainOutcome[] = [];
        for (const seed of seeds) {
          ctx.progress(done / total, `${task.split.name}: ${variant.label}, seed ${seed}`);
          outcomes.push(train({ split: task.split, model: task.model, variant, epochs: task.epochs, batchSize: task.batchSize, seed, hessianExamples: 512, hessianIterations: ctx.quick ? 20 : 100 }));
          done++;
        }
        const acc = tInterval95(outcomes.map((o) => 100 * o.testAccuracy));
        const loss = tInterval95(outcomes.map((o) => o.testLoss));
        rows.push([variant.label, formatInterval(acc, 2), formatInterval(loss, 3), formatInterval(tInterval95(outcomes.map((o) => o.trainLoss)), 3), formatInterval(tInterval95(outcomes.map((o) => o.sharpness)), 2)]);
        const err = outcomes.map((o) => 100 * (1 - o.testAccuracy));
        const key = `training/${task.split.name}/${slug(variant.label)}`;
        metrics.push({ name: `${key}/test-error`, unit: '%', value: 100 - acc.mean, noise: sampleSd(err) / Math.sqrt(err.length), smallerIsBetter: true });
        metrics.push({ name: `${key}/test-loss`, unit: 'nats', value: loss.mean, noise: sampleSd(outcomes.map((o) => o.testLoss)) / Math.sqrt(outcomes.length), smallerIsBetter: true });
      }
      tables.push({
        title: `${task.split.description}; ${task.model.name}, ${task.epochs} epochs, batch ${task.batchSize}, lr ${task.learningRate}, momentum ${task.momentum}`,
        columns: ['algorithm', 'test accuracy %', 'test loss', 'train loss', '‖H‖ (top |eigenvalue|)'],
        rows,
        caption: `Mean ± 95% t-interval over ${seeds.length} seeds (${seeds.join(', ')}): initialization and batch order vary; the data are fixed.`,
      });
    }
    ctx.progress(1);
    return { title: 'Training benchmarks: test accuracy, loss and sharpness', metrics, tables, figures: [], notes };
  },
};
