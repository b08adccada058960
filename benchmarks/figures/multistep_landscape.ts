import { tf } from '../../src/tf.js';
import { rows } from '../../src/data/dataset.js';
import { syntheticClassification } from '../../src/data/synthetic.js';
import { axpy, fromFlat } from '../../src/kernels/tree.js';
import { direction, formatBounds, formatDifference, geometricInterval, meanInterval, pairedDifference, pairedRatio } from '../../src/report/stats.js';
import { panelChart } from '../../src/report/svg.js';
import type { Figure, Table, Verdict } from '../../src/report/types.js';
import type { Variant } from '../common/algorithms.js';
import { mlp } from '../common/models.js';
import { train } from '../training/train.js';

/** The 1-D slice θ + t·v along the top Hessian eigenvector v (unit): t in [−T, T]. */
const SLICE_HALF_WIDTH = 1;
const SLICE_POINTS = 21;

export interface LandscapeOptions {
  seed: number;
  seeds: number[];
  epochs: number;
  train: number;
  rho: number;
  /** Power iterations for ‖H‖ and its eigenvector at the end. */
  powerIterations: number;
  onProgress?(fraction: number, detail: string): void;
}

interface Outcome {
  testAccuracy: number;
  sharpness: number;
  /** Loss along the slice, minus the loss at t = 0. */
  slice: number[];
}

/** k = 1 (SAM) and k ∈ {2, 5} × {fixed-path, projected} × {last, path-averaged gradient}: Kim et al.'s comparison at small scale. */
export function multistepVariants(rho: number): Variant[] {
  const base = { learningRate: 0.05, momentum: 0.9 };
  const out: Variant[] = [{ label: 'SAM (k=1)', algorithm: 'sam', config: { algorithm: 'sam', rho, ...base } }];
  for (const k of [2, 5]) {
    for (const ascent of ['fixed-path', 'projected'] as const) {
      for (const applied of ['last', 'average'] as const) {
        out.push({ label: `k=${k}, ${ascent}, ${applied === 'last' ? 'last g' : 'path-avg g'}`, algorithm: 'multistep-sam', steps: k, config: { algorithm: 'multistep-sam', rho, steps: k, ascent, applied, ...base } });
      }
    }
  }
  return out;
}

const tGrid = Array.from({ length: SLICE_POINTS }, (_, i) => -SLICE_HALF_WIDTH + (2 * SLICE_HALF_WIDTH * i) / (SLICE_POINTS - 1));

/**
 * Trains every variant on the noisy synthetic task (cosine schedule), and at the end measures the
 * top Hessian eigenvalue, the loss along its eigenvector and the test accuracy.
 */
export function multistepLandscape(o: LandscapeOptions): { variants: Variant[]; outcomes: Outcome[][] } {
  const data = syntheticClassification({ seed: o.seed, train: o.train, test: 2048 });
  const split = { ...data, train: rows(data.train, 0, o.train) };
  const model = mlp([20, 64, 64, 4]);
  const variants = multistepVariants(o.rho);
  const total = variants.length * o.seeds.length;
  let done = 0;
  const outcomes = variants.map((variant) =>
    o.seeds.map((seed) => {
      o.onProgress?.(done++ / total, `multi-step ascent: ${variant.label}, seed ${seed}`);
      let slice: number[] = [];
      const r = train({
        split, model, variant, epochs: o.epochs, batchSize: 64, seed, schedule: 'cosine', hessianExamples: 512, hessianIterations: o.powerIterations,
        atEnd(params, objective, v) {
          const dir = fromFlat(v, params.map((p) => p.shape));
          const at = (t: number) => tf.tidy(() => objective.value(axpy(params, t, dir), { kind: 'probe', index: 0 }).dataSync()[0]);
          const center = at(0);
          slice = tGrid.map((t) => at(t) - center);
          // v's sign is arbitrary: orient it so the steeper side is t > 0, so slices of different seeds average meaningfully.
          if (slice[slice.length - 1] < slice[0]) slice.reverse();
          tf.dispose(dir);
        },
      });
      return { testAccuracy: r.testAccuracy, sharpness: r.sharpness, slice };
    }),
  );
  return { variants, outcomes };
}

const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function landscapeResults(r: { variants: Variant[]; outcomes: Outcome[][] }, o: LandscapeOptions): { figure: Figure; table: Table; verdicts: Verdict[] } {
  const reference = r.outcomes[0];
  const rowsOut: Table['rows'] = [];
  const verdicts: Verdict[] = [];
  r.variants.forEach((v, i) => {
    const out = r.outcomes[i];
    const acc = out.map((x) => x.testAccuracy);
    const sharp = out.map((x) => x.sharpness);
    const cells = [v.label, formatBounds(meanInterval(acc, [0, 1]), 2, 100), formatBounds(geometricInterval(sharp), 2)];
    if (i === 0) rowsOut.push([...cells, '', '', '', '']);
    else {
      const dAcc = pairedDifference(acc, reference.map((x) => x.testAccuracy), [-1, 1]);
      const ratio = pairedRatio(sharp, reference.map((x) => x.sharpness));
      rowsOut.push([...cells, formatDifference(dAcc, 2, 100), direction(dAcc), formatBounds(ratio, 2), direction(ratio, 1)]);
      verdicts.push({
        kind: 'comparison',
        group: `multi-step ascent (synthetic): ‖H‖ / ‖H‖ SAM k=1 (paired over ${o.seeds.length} seeds)`,
        label: v.label,
        subject: `multi-step ascent: ${v.label} vs SAM (k=1), top Hessian eigenvalue`,
        estimate: formatBounds(ratio, 2),
        criterion: `paired over ${o.seeds.length} seeds; ≠ 1`,
        verdict: direction(ratio, 1),
      });
    }
  });
  const series = r.variants.map((v) => ({ label: v.label, dashed: v.label.includes('projected') }));
  const slicePanel = {
    title: 'loss along the top eigenvector',
    x: { label: 't (θ + t·v, ‖v‖ = 1)' },
    y: { label: 'L(θ + t·v) − L(θ) (nats)' },
    series: series.map((s, i) => ({ ...s, points: tGrid.map((t, j) => [t, meanOf(r.outcomes[i].map((x) => x.slice[j]))] as [number, number]) })),
  };
  const scatterPanel = {
    title: 'test accuracy vs sharpness',
    x: { label: '‖H‖ at the end (log scale)', log: true },
    y: { label: 'test accuracy (%)' },
    series: series.map((s, i) => ({ ...s, markers: true, points: [[geometricInterval(r.outcomes[i].map((x) => x.sharpness)).value, 100 * meanOf(r.outcomes[i].map((x) => x.testAccuracy))]] as Array<[number, number]> })),
  };
  const conditions =
    `Synthetic teacher task (seed ${o.seed}, ${o.train} training examples, 20% label noise), MLP 20-64-64-4, batch 64, lr 0.05 cosine over ${o.epochs} epochs, momentum 0.9, ρ = ${o.rho}; ` +
    `${o.seeds.length} seeds (mean shown). ‖H‖ and its eigenvector v by power iteration (≤ ${o.powerIterations} iterations, first 512 training examples); the slice is the loss on those examples.`;
  return {
    verdicts,
    table: {
      title: 'Multi-step ascent at the end of training (Kim et al., arXiv 2302.10181, at small scale)',
      columns: ['variant', 'test accuracy % [95%]', '‖H‖ [95%]', 'Δ accuracy vs k=1 (pp) [95%]', 'verdict', '‖H‖ / ‖H‖ k=1 [95%]', 'verdict'],
      rows: rowsOut,
      caption: `${conditions} Paired by seed against SAM (k = 1). The paper's "simple modification" is not public; the path-averaged gradient (applied = 'average') stands in for it (spec/benchmarks.md).`,
    },
    figure: {
      file: 'multistep-landscape.svg',
      title: 'Single- vs multi-step ascent: the landscape at the end of training',
      caption: `${conditions} Kim et al. report that single- and multi-step SAM end in distinct loss landscapes; solid: fixed-path ascent, dashed: projected; v is oriented so that the steeper side is t > 0.`,
      svg: panelChart({ title: 'Single- vs multi-step ascent SAM at the end of training', panels: [slicePanel, scatterPanel], columns: 3 }),
    },
  };
}
