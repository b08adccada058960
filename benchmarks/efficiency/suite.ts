import { useBackend } from '../../src/backend/index.js';
import { logSpace } from '../../src/report/stats.js';
import { lineChart } from '../../src/report/svg.js';
import type { Metric, Suite, Table } from '../../src/report/types.js';
import { registeredVariants } from '../common/algorithms.js';
import { performanceRatios, profileCurve, profileScore, type Costs } from './profile.js';
import { problemSuite } from './problems.js';
import { evaluationsToTarget } from './run.js';

/** SAM radius on the analytic problems: small enough that SAM's end cycle (amplitude ~ρ) sits inside the targets. */
const ANALYTIC_RHO = 0.01;
const TAU_MAX = 64;

export const efficiencySuite: Suite = {
  name: 'efficiency',
  title: 'Optimizer efficiency on analytic problems',
  estimatedMinutes: { quick: 1, full: 6 },
  async run(ctx) {
    await useBackend({ backend: 'cpu' });
    const problems = problemSuite(ctx.seed, ctx.quick);
    const lrs = logSpace(1e-4, 1, ctx.quick ? 5 : 9);
    const budget = ctx.quick ? 600 : 3000;
    const { variants, notes } = registeredVariants({ learningRate: 0.01, batchSize: 1, batchesPerEpoch: 1, rho: ANALYTIC_RHO }, ['theta']);
    const costs: Costs = new Map();
    const rows: Table['rows'] = [];
    const usable = [];
    let done = 0;
    for (const v of variants) {
      const perProblem = new Map<string, number>();
      try {
        for (const p of problems) {
          let best = { evaluations: Infinity, lr: NaN };
          for (const lr of lrs) {
            const r = evaluationsToTarget(p, v, lr, budget);
            if (r.evaluations < best.evaluations) best = { evaluations: r.evaluations, lr };
          }
          perProblem.set(p.name, best.evaluations);
          rows.push([v.label, p.name, Number.isFinite(best.evaluations) ? best.evaluations : `> ${budget}`, Number.isFinite(best.lr) ? best.lr.toPrecision(2) : '—']);
          ctx.progress(++done / (variants.length * problems.length), `${v.label} on ${p.name}`);
        }
      } catch (err) {
        // e.g. m-SAM/RW-SAM need a finite-sum objective; an analytic function is not one.
        notes.push(`${v.label}: not run on analytic problems (${(err as Error).message.split('\n')[0]})`);
        done += problems.length - perProblem.size;
        continue;
      }
      costs.set(v.label, perProblem);
      usable.push(v);
    }
    const ratios = performanceRatios(costs);
    const metrics: Metric[] = [];
    const scoreRows: Table['rows'] = [];
    for (const [label, r] of ratios) {
      const score = profileScore(r, TAU_MAX);
      scoreRows.push([label, score.toFixed(3), r.filter((x) => x === 1).length, r.filter((x) => !Number.isFinite(x)).length]);
      metrics.push({ name: `efficiency/profile-score/${label}`, unit: 'score', value: score, noise: 0, smallerIsBetter: false });
      for (const [p, c] of costs.get(label)!) {
        if (Number.isFinite(c)) metrics.push({ name: `efficiency/evals/${label}/${p}`, unit: 'gradient evaluations', value: c, noise: 0, smallerIsBetter: true });
      }
    }
    const svg = lineChart({
      title: 'Performance profiles: gradient evaluations to target',
      x: { label: 'τ: evaluations relative to the best algorithm on the problem (log scale)', log: true, min: 1, max: TAU_MAX },
      y: { label: 'fraction of problems solved within τ', min: 0, max: 1 },
      series: [...ratios].map(([label, r]) => ({ label, points: profileCurve(r, TAU_MAX), step: true })),
    });
    return {
      title: 'Optimizer efficiency on analytic problems',
      metrics,
      notes: [
        `${problems.length} problems, learning rates ${lrs.map((l) => l.toPrecision(2)).join(', ')}, budget ${budget} gradient evaluations; ρ = ${ANALYTIC_RHO} for SAM-type methods. Deterministic (seeded noise).`,
        'Forward-only evaluations (XSAM probes, probeInterval 1 here) are not counted as gradient evaluations.',
        ...notes,
      ],
      tables: [
        { title: 'Performance-profile summary', columns: ['algorithm', `mean ρ(τ) over log τ ∈ [1, ${TAU_MAX}]`, 'problems won', 'problems failed'], rows: scoreRows },
        { title: 'Gradient evaluations to target (best learning rate)', columns: ['algorithm', 'problem', 'evaluations', 'best lr'], rows },
      ],
      figures: [{ file: 'performance-profile.svg', title: 'Performance profiles', caption: 'AlgoPerf-style performance profile over the analytic problems (best learning rate per algorithm and problem): higher and further left is better.', svg }],
    };
  },
};
