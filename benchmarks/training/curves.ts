import { panelChart, type ChartOptions } from '../../src/report/svg.js';
import type { Figure, TrainingCurve } from '../../src/report/types.js';
import { slug } from '../common/slug.js';
import type { RunSet } from './analysis.js';
import type { EpochPoint } from './train.js';

/** The curve quantities: report.json key, axis label, how a point is read, log axis. */
const QUANTITIES: Array<{ key: string; axis: string; read(p: EpochPoint): number; log?: boolean }> = [
  { key: 'train loss', axis: 'train loss (noisy labels, nats)', read: (p) => p.trainLoss },
  { key: 'test loss', axis: 'test loss (nats)', read: (p) => p.testLoss },
  { key: 'train accuracy', axis: 'train accuracy (noisy labels, %)', read: (p) => 100 * p.trainAccuracy },
  { key: 'test accuracy', axis: 'test accuracy (%)', read: (p) => 100 * p.testAccuracy },
  { key: 'top Hessian eigenvalue', axis: '‖H‖ (log scale)', read: (p) => p.sharpness, log: true },
];

/** Every seed's per-epoch values of every quantity, for report.json. */
export function trainingCurves(task: string, runs: RunSet[], seeds: number[]): TrainingCurve[] {
  return runs.map((r) => ({
    task,
    algorithm: r.label,
    seeds,
    epochs: r.outcomes[0]?.curve.map((p) => p.epoch) ?? [],
    values: Object.fromEntries(QUANTITIES.map((q) => [q.key, r.outcomes.map((o) => o.curve.map(q.read))])),
  }));
}

const meanOverSeeds = (perSeed: number[][]): number[] => (perSeed[0] ?? []).map((_, e) => perSeed.reduce((s, xs) => s + xs[e], 0) / perSeed.length);

/** One figure per task: a panel per quantity, a line per algorithm (mean over seeds). */
export function curveFigure(task: string, description: string, curves: TrainingCurve[]): Figure {
  const panels: ChartOptions[] = QUANTITIES.map((q) => ({
    title: q.key,
    x: { label: 'epoch' },
    y: { label: q.axis, ...(q.log ? { log: true } : {}) },
    series: curves.map((c, i) => ({ label: c.algorithm, points: meanOverSeeds(c.values[q.key]).map((v, e) => [c.epochs[e], v] as [number, number]), dashed: i >= 10 })),
  }));
  const seeds = curves[0]?.seeds.length ?? 0;
  return {
    file: `training-curves-${slug(task)}.svg`,
    title: `Training curves: ${task}`,
    caption: `${description}. Mean over ${seeds} seeds per epoch (epoch 0 = initialization); every seed's values are in report.json (suites[].curves). Train loss and accuracy on the first training examples, with their noisy labels; ‖H‖ by warm-started power iteration.`,
    svg: panelChart({ title: `Training curves: ${task}`, panels }),
  };
}
