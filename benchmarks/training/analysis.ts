import {
  direction,
  formatBounds,
  formatDifference,
  geometricInterval,
  meanInterval,
  pairedDifference,
  pairedRatio,
  sampleSd,
} from '../../src/report/stats.js';
import type { Metric, Table, Verdict } from '../../src/report/types.js';
import { slug } from '../common/slug.js';
import type { TrainOutcome } from './train.js';

/** One algorithm's runs on one task, one outcome per seed (seed i of every algorithm shares init and data order). */
export interface RunSet {
  label: string;
  outcomes: TrainOutcome[];
}

const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const perSeed = (r: RunSet, f: (o: TrainOutcome) => number) => r.outcomes.map(f);
const epochSeconds = (o: TrainOutcome) => meanOf(o.epochCpuMs) / 1000;

/** Per-algorithm levels: accuracy in [0, 1], eigenvalues and times on the log scale. */
export function levelsTable(title: string, runs: RunSet[], seeds: number[]): Table {
  return {
    title,
    columns: ['algorithm', 'test accuracy % [95%]', 'test loss [95%]', 'train accuracy % (noisy labels)', '‖H‖ geometric mean [95%]', 'CPU s / epoch'],
    rows: runs.map((r) => [
      r.label,
      formatBounds(meanInterval(perSeed(r, (o) => o.testAccuracy), [0, 1]), 2, 100),
      formatBounds(meanInterval(perSeed(r, (o) => o.testLoss), [0, Infinity]), 3),
      (100 * meanOf(perSeed(r, (o) => o.trainAccuracy))).toFixed(1),
      formatBounds(geometricInterval(perSeed(r, (o) => o.sharpness)), 2),
      formatBounds(geometricInterval(perSeed(r, epochSeconds)), 3),
    ]),
    caption:
      `${seeds.length} seeds (${seeds.join(', ')}). Accuracy and loss: mean with the 95% t-interval intersected with the quantity's domain; ` +
      '‖H‖ (top |eigenvalue|) and time: geometric mean with the log-scale t-interval (positive). CPU time of the optimizer steps only.',
  };
}

/**
 * Every algorithm against the baseline, paired by seed: differences of test accuracy and loss
 * (t-interval of per-seed differences) and the ratio of ‖H‖ (log scale), each with its verdict.
 */
export function pairedComparison(task: string, runs: RunSet[], baseline: RunSet, seeds: number[]): { table: Table; verdicts: Verdict[] } {
  const verdicts: Verdict[] = [];
  const rows: Table['rows'] = [];
  for (const r of runs) {
    if (r === baseline) continue;
    const acc = pairedDifference(perSeed(r, (o) => o.testAccuracy), perSeed(baseline, (o) => o.testAccuracy), [-1, 1]);
    const loss = pairedDifference(perSeed(r, (o) => o.testLoss), perSeed(baseline, (o) => o.testLoss));
    const sharp = pairedRatio(perSeed(r, (o) => o.sharpness), perSeed(baseline, (o) => o.sharpness));
    const accVerdict = direction(acc);
    rows.push([r.label, formatDifference(acc, 2, 100), accVerdict, formatDifference(loss, 3), direction(loss), formatBounds(sharp, 2), direction(sharp, 1)]);
    verdicts.push({
      kind: 'comparison',
      group: `${task}: test accuracy − ${baseline.label} (pp, paired over ${seeds.length} seeds)`,
      label: r.label,
      subject: `${task}: ${r.label} − ${baseline.label}, test accuracy (pp)`,
      estimate: formatDifference(acc, 2, 100),
      criterion: `paired over ${seeds.length} seeds; ≠ 0`,
      verdict: accVerdict,
    });
    verdicts.push({
      kind: 'comparison',
      group: `${task}: ‖H‖ / ‖H‖ ${baseline.label} (paired over ${seeds.length} seeds)`,
      label: r.label,
      subject: `${task}: ${r.label} / ${baseline.label}, top Hessian eigenvalue`,
      estimate: formatBounds(sharp, 2),
      criterion: `paired over ${seeds.length} seeds; ≠ 1`,
      verdict: direction(sharp, 1),
    });
  }
  return {
    table: {
      title: `${task}: difference to ${baseline.label}, paired by seed`,
      columns: ['algorithm', `Δ test accuracy (pp) [95%]`, 'verdict', 'Δ test loss [95%]', 'verdict', `‖H‖ / ‖H‖ ${baseline.label} [95%]`, 'verdict'],
      rows,
      caption:
        `Seed i of every algorithm uses the same initialization, data order and Hessian start vector, so the per-seed differences cancel what the seeds share. ` +
        `Intervals: t over the ${seeds.length} per-seed differences (accuracy: within [−100, 100] pp), ratio: log scale. "higher"/"lower": the interval excludes 0 (ratio: 1); ` +
        `"not resolved": it contains it. 95% per comparison, no multiplicity correction: with ${rows.length} comparisons per column, about ${(0.05 * rows.length).toFixed(1)} would be resolved by chance if no algorithm differed.`,
    },
    verdicts,
  };
}

/** Regression-tracking metrics: test error and loss per algorithm, noise = standard error over seeds. */
export function trainingMetrics(task: string, runs: RunSet[]): Metric[] {
  return runs.flatMap((r) => {
    const err = perSeed(r, (o) => 100 * (1 - o.testAccuracy));
    const loss = perSeed(r, (o) => o.testLoss);
    const key = `training/${task}/${slug(r.label)}`;
    return [
      { name: `${key}/test-error`, unit: '%', value: meanOf(err), noise: sampleSd(err) / Math.sqrt(err.length), smallerIsBetter: true },
      { name: `${key}/test-loss`, unit: 'nats', value: meanOf(loss), noise: sampleSd(loss) / Math.sqrt(loss.length), smallerIsBetter: true },
    ];
  });
}
