import { useBackend } from '../../src/backend/index.js';
import type { Figure, Metric, Suite, SuiteContext, Table, TrainingCurve, Verdict } from '../../src/report/types.js';
import { registeredVariants, type Variant } from '../common/algorithms.js';
import { levelsTable, pairedComparison, trainingMetrics, type RunSet } from './analysis.js';
import { curveFigure, trainingCurves } from './curves.js';
import { PEER_ALGORITHMS, torchPeerComparison } from './peer.js';
import { trainingTasks, type TrainingTask } from './tasks.js';
import { train } from './train.js';

/**
 * n-SAM's ascent uses the gradient of the whole training set: batches-per-epoch + 1 batch gradients
 * per step. On full Fashion-MNIST (80 batches) that is ≈ 3× all other algorithms together, so it
 * runs only where the training set is at most this many batches (the synthetic task: 16).
 */
const N_SAM_MAX_BATCHES = 20;
/** Quick mode trains only the PyTorch peer's pair on Fashion-MNIST; every algorithm runs on the synthetic task. */
const QUICK_FASHION_SUBSET = PEER_ALGORITHMS;

interface Plan {
  task: TrainingTask;
  variants: Variant[];
  notes: string[];
}

const hessian = (quick: boolean) => ({ examples: 512, iterations: quick ? 20 : 100, perEpoch: quick ? 1 : 4, first: quick ? 5 : 20 });

function runOptions(task: TrainingTask, quick: boolean) {
  const h = hessian(quick);
  return { model: task.model, epochs: task.epochs, batchSize: task.batchSize, schedule: 'cosine' as const, hessianExamples: h.examples, hessianIterations: h.iterations };
}

/**
 * ρ for the SAM-type methods, chosen on the validation split (never the test set): SAM trained on
 * the training part with each ρ of the grid, one selection seed, scored by validation accuracy
 * (noisy labels, as a practitioner would have them; symmetric noise keeps the ranking).
 */
function selectRho(task: TrainingTask, seed: number, quick: boolean, step: (detail: string) => void): { rho: number; table: Table } {
  const scores = task.rhoGrid.map((rho) => {
    step(`${task.name}: choosing ρ, SAM ρ=${rho}`);
    const variant: Variant = { label: `SAM ρ=${rho}`, algorithm: 'sam', config: { algorithm: 'sam', learningRate: task.learningRate, momentum: task.momentum, rho } };
    const o = train({ ...runOptions(task, quick), split: { ...task.split, test: task.validation }, variant, seed, hessianIterations: 1 });
    return { rho, accuracy: o.testAccuracy };
  });
  const best = scores.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
  return {
    rho: best.rho,
    table: {
      title: `${task.name}: ρ chosen on the validation split (SAM, seed ${seed})`,
      columns: ['ρ', 'validation accuracy % (noisy labels)', 'chosen'],
      rows: scores.map((s) => [s.rho, (100 * s.accuracy).toFixed(2), s.rho === best.rho ? 'yes' : '']),
      caption: `${task.validation.n} held-out training examples; the chosen ρ is used by every SAM-type method except ASAM (its own scale, ρ = 0.5).`,
    },
  };
}

function plan(task: TrainingTask, rho: number, quick: boolean): Plan {
  const batchesPerEpoch = Math.floor(task.split.train.n / task.batchSize);
  const subset = quick && task.name !== 'synthetic' ? (n: string) => QUICK_FASHION_SUBSET.includes(n) : undefined;
  const found = registeredVariants({ learningRate: task.learningRate, momentum: task.momentum, batchSize: task.batchSize, batchesPerEpoch, rho }, task.model.names, subset);
  const notes = [...found.notes];
  if (subset) notes.push(`quick mode trains only ${QUICK_FASHION_SUBSET.join(', ')} here (every algorithm runs on the synthetic task and in full mode)`);
  if (batchesPerEpoch <= N_SAM_MAX_BATCHES) return { task, variants: found.variants, notes };
  for (const v of found.variants.filter((x) => x.algorithm === 'n-sam')) {
    notes.push(`${v.label}: not run (its step takes ${batchesPerEpoch + 1} batch gradients, the whole training set; run on tasks of ≤ ${N_SAM_MAX_BATCHES} batches)`);
  }
  return { task, variants: found.variants.filter((v) => v.algorithm !== 'n-sam'), notes };
}

export const trainingSuite: Suite = {
  name: 'training',
  title: 'Training benchmarks: test accuracy, loss and sharpness, paired by seed',
  async run(ctx: SuiteContext) {
    await useBackend({ backend: ctx.backends[0] ?? 'wasm' });
    const h = hessian(ctx.quick);
    const notes: string[] = [
      `Top Hessian eigenvalue ‖H‖: power iteration with central-difference HVPs (ε = 1e-3) on the first ${h.examples} training examples, reported as ‖Hv‖ (the Rayleigh quotient flips sign at ±λ ties), src/analysis/hessian.ts; ${h.iterations} iterations at the end (warm-started), for the curves ${h.first} at epoch 0 and ${h.perEpoch} warm-started per epoch after.`,
      'Every run: cosine learning-rate annealing to 0 stepped per epoch, momentum 0.9, the last partial batch dropped; data order and initialization depend only on the seed.',
    ];
    const tasks = trainingTasks(ctx.quick, ctx.seed, notes);
    const seeds = Array.from({ length: ctx.quick ? 3 : 5 }, (_, i) => ctx.seed * 100 + i);
    const selectionSeed = ctx.seed * 100 + 99;
    const tables: Table[] = [];
    const metrics: Metric[] = [];
    const figures: Figure[] = [];
    const verdicts: Verdict[] = [];
    const curves: TrainingCurve[] = [];
    // Progress in training runs: the ρ grids, then every variant × seed (Fashion-MNIST runs weigh more, by their steps).
    const weight = (t: TrainingTask) => Math.floor(t.split.train.n / t.batchSize) * t.epochs;
    const rough = tasks.reduce((s, t) => s + weight(t) * (t.rhoGrid.length + 10 * seeds.length), 0);
    let done = 0;
    const advance = (t: TrainingTask) => (detail: string) => {
      ctx.progress(Math.min(0.99, done / rough), detail);
      done += weight(t);
    };
    // The PyTorch peer trains the last task (Fashion-MNIST when installed, else the synthetic task).
    const peerTask = tasks.at(-1);
    for (const task of tasks) {
      const chosen = selectRho(task, selectionSeed, ctx.quick, advance(task));
      tables.push(chosen.table);
      const p = plan(task, chosen.rho, ctx.quick);
      notes.push(...p.notes.map((n) => `${task.name}: ${n}`));
      const runs: RunSet[] = p.variants.map((variant) => ({
        label: variant.label,
        outcomes: seeds.map((seed) => {
          advance(task)(`${task.name}: ${variant.label}, seed ${seed}`);
          return train({ ...runOptions(task, ctx.quick), split: task.split, variant, seed, curve: { trainExamples: 2048, hessianIterations: h.perEpoch, firstIterations: h.first } });
        }),
      }));
      const setting = `${task.split.description}; ${task.model.name}, ${task.epochs} epochs, batch ${task.batchSize}, lr ${task.learningRate} (cosine), momentum ${task.momentum}, ρ = ${chosen.rho}`;
      tables.push(levelsTable(setting, runs, seeds));
      const baseline = runs.find((r) => p.variants.find((v) => v.label === r.label)?.algorithm === 'sgd');
      if (baseline) {
        const compared = pairedComparison(task.name, runs, baseline, seeds);
        tables.push(compared.table);
        verdicts.push(...compared.verdicts);
      } else notes.push(`${task.name}: SGD is not registered, so no paired differences.`);
      if (task === peerTask) {
        ctx.progress(Math.min(0.99, done / rough), `${task.name}: PyTorch peer`);
        const peer = await torchPeerComparison(task, runs, p.variants, seeds, ctx.quick ? 180_000 : 3_600_000);
        if (peer.table) tables.push(peer.table);
        if (peer.note) notes.push(peer.note);
        verdicts.push(...peer.verdicts);
      }
      metrics.push(...trainingMetrics(task.name, runs));
      const taskCurves = trainingCurves(task.name, runs, seeds);
      curves.push(...taskCurves);
      figures.push(curveFigure(task.name, setting, taskCurves));
    }
    ctx.progress(1);
    return { title: this.title, metrics, tables, figures, notes, verdicts, curves };
  },
};
