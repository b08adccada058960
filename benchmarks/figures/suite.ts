import { useBackend } from '../../src/backend/index.js';
import { algorithmNames } from '../../src/algorithms/index.js';
import { lineChart } from '../../src/report/svg.js';
import type { Figure, Suite, Table, Verdict } from '../../src/report/types.js';
import { ascentCosines } from './ascent_cosine.js';
import { mSweep } from './msam_accuracy.js';
import { landscapeResults, multistepLandscape } from './multistep_landscape.js';
import { samEdgeFigure, samEdgeTrace } from './sam_edge.js';

export const figureSuite: Suite = {
  name: 'figures',
  title: 'Paper reproductions at small scale',
  async run(ctx) {
    await useBackend({ backend: ctx.backends[0] ?? 'wasm' });
    const figures: Figure[] = [];
    const tables: Table[] = [];
    const notes: string[] = [];
    const registered = new Set(algorithmNames());
    const verdicts: Verdict[] = [];
    const parts = 1 + (registered.has('multistep-sam') ? 2 : 0) + (registered.has('m-sam') ? 1 : 0);
    let part = 0;
    const progress = (detail: string) => (f: number) => ctx.progress((part + f) / parts, detail);

    const edgeOptions = { seed: ctx.seed, steps: ctx.quick ? 300 : 2000, every: ctx.quick ? 20 : 50, eta: 0.5, rho: 0.05, examples: 256, powerIterations: ctx.quick ? 20 : 100 };
    const trace = samEdgeTrace({ ...edgeOptions, onProgress: progress('sharpness vs SAM-edge') });
    figures.push(samEdgeFigure(trace, edgeOptions));
    const late = trace.step.map((_, i) => i).filter((i) => trace.step[i] >= edgeOptions.steps / 2);
    const ratio = late.map((i) => trace.sharpness[i] / trace.edge[i]);
    tables.push({
      title: 'Sharpness relative to the edges (second half of the run)',
      columns: ['quantity', 'min', 'max'],
      rows: [
        ['‖H‖ / SAM-edge', Math.min(...ratio), Math.max(...ratio)],
        ['‖H‖ / (2/η)', Math.min(...late.map((i) => trace.sharpness[i] / trace.gdEdge)), Math.max(...late.map((i) => trace.sharpness[i] / trace.gdEdge))],
      ],
    });
    part++;

    if (registered.has('multistep-sam')) {
      ctx.progress(part / parts, 'cosine to the maximizer');
      const curve = ascentCosines({ seed: ctx.seed, rho: 0.5, steps: [1, 2, 3, 4, 6, 8], batches: ctx.quick ? 2 : 8, warmupSteps: 50 });
      figures.push({
        file: 'ascent-cosine.svg',
        title: 'Cosine to the maximizer vs ascent steps',
        caption:
          'Mean cosine between multi-step SAM’s perturbation (fixed path length ρ = 0.5, k steps) and a reference maximizer of L(θ+δ) over ‖δ‖ ≤ ρ (200 projected ascent steps), synthetic task, MLP 20-64-64-4, after 50 SGD steps. k = 1 is SAM.',
        svg: lineChart({
          title: 'Multi-step SAM: alignment with the inner maximizer',
          x: { label: 'ascent steps k' },
          y: { label: 'cosine(δ_k, δ*)', max: 1 },
          series: [{ label: 'multi-step SAM', points: curve.steps.map((k, i) => [k, curve.cosine[i]]), markers: true }],
        }),
      });
      tables.push({ title: 'Cosine to the reference maximizer', columns: ['k', 'cosine'], rows: curve.steps.map((k, i) => [k, curve.cosine[i]]) });
      part++;
      const landscapeOptions = { seed: ctx.seed, seeds: ctx.quick ? [0, 1] : [0, 1, 2, 3, 4], epochs: ctx.quick ? 8 : 40, train: ctx.quick ? 512 : 1024, rho: 0.1, powerIterations: ctx.quick ? 40 : 100 };
      const landscape = landscapeResults(multistepLandscape({ ...landscapeOptions, onProgress: (f, detail) => ctx.progress((part + f) / parts, detail) }), landscapeOptions);
      figures.push(landscape.figure);
      tables.push(landscape.table);
      verdicts.push(...landscape.verdicts);
      part++;
    } else notes.push('Cosine-vs-ascent-steps and multi-step landscape figures skipped: multistep-sam is not registered.');

    if (registered.has('m-sam')) {
      const sweep = mSweep({ seed: ctx.seed, ms: ctx.quick ? [8, 32, 64] : [4, 8, 16, 32, 64], seeds: ctx.quick ? [0, 1] : [0, 1, 2, 3, 4], epochs: ctx.quick ? 10 : 30, train: 1024, onProgress: progress('m-SAM sweep') });
      figures.push({
        file: 'msam-accuracy.svg',
        title: 'Test accuracy vs m for m-SAM',
        caption: `m-SAM with batch 64 (m = 64 is SAM), ρ = 0.05, noisy synthetic task (20% label noise), mean ± 95% t-interval over seeds. Luo et al. and Andriushchenko & Flammarion report accuracy improving as m decreases.`,
        svg: lineChart({
          title: 'm-SAM: test accuracy vs micro-batch size m',
          x: { label: 'micro-batch size m (log scale)', log: true },
          y: { label: 'test accuracy (%)' },
          series: [
            { label: 'm-SAM', points: sweep.m.map((m, i) => [m, sweep.accuracy[i]]), errors: sweep.halfWidth, markers: true },
            { label: 'SGD', points: sweep.m.map((m) => [m, sweep.sgd.accuracy]), dashed: true },
          ],
        }),
      });
      tables.push({ title: 'm-SAM test accuracy (%)', columns: ['m', 'mean', '95% half-width'], rows: [...sweep.m.map((m, i) => [m, sweep.accuracy[i], sweep.halfWidth[i]]), ['SGD', sweep.sgd.accuracy, sweep.sgd.halfWidth]] });
    } else notes.push('Accuracy-vs-m figure skipped: m-sam is not registered.');
    ctx.progress(1);
    return { title: 'Paper reproductions at small scale', metrics: [], tables, figures, notes, verdicts };
  },
};
