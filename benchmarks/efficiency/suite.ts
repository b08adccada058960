import { useBackend } from '../../src/backend/index.js';
import { logSpace } from '../../src/report/stats.js';
import { lineChart } from '../../src/report/svg.js';
import type { Metric, Suite, Table } from '../../src/report/types.js';
import { registeredVariants, type Variant } from '../common/algorithms.js';
import { performanceRatios, profileCurve, profileScore, type Costs } from './profile.js';
import { problemSuite, type Problem } from './problems.js';
import { evaluationsToTarget } from './run.js';

/** SAM radius on the analytic problems: small enough that SAM's end cycle (amplitude ~ρ) sits inside the targets. */
const ANALYTIC_RHO = 0.01;
const TAU_MAX = 64;
/**
 * The learning-rate grid and the bisections of its log spacing around the best point. Quick: one
 * point per decade, 3 bisections (resolution 10^(1/8) = ×1.33): a run that never reaches the target
 * spends the whole budget at every grid point, so fewer grid points and more (cheap, capped)
 * bisections cost less for the same resolution. Full: 9 points, 2 bisections (×1.33).
 */
const GRID = { quick: { points: 5, refinements: 3 }, full: { points: 9, refinements: 2 } };

/**
 * The fewest evaluations to target over a log grid of learning rates, refined by bisecting the log
 * spacing around the best one. Each run stops once it has spent the best cost so far (it cannot
 * win any more), so refinement costs little and bad learning rates end early.
 */
function bestLearningRate(problem: Problem, variant: Variant, grid: number[], refinements: number, budget: number): { evaluations: number; lr: number } {
  let best = { evaluations: Infinity, lr: NaN };
  const tryLr = (lr: number) => {
    const r = evaluationsToTarget(problem, variant, lr, Math.min(budget, best.evaluations));
    // Ties go to the smaller learning rate, so the result does not depend on the order tried.
    if (r.evaluations < best.evaluations || (r.evaluations === best.evaluations && lr < best.lr)) best = { evaluations: r.evaluations, lr };
  };
  // Largest first: large rates diverge within a few steps, and once one succeeds every later run
  // stops at its cost; smallest first, every run until the first success spends the whole budget.
  [...grid].reverse().forEach(tryLr);
  let spacing = grid.length > 1 ? grid[1]! / grid[0]! : 10;
  for (let i = 0; i < refinements && Number.isFinite(best.evaluations); i++) {
    spacing = Math.sqrt(spacing);
    const center = best.lr;
    tryLr(center / spacing);
    tryLr(center * spacing);
  }
  return best;
}

export const efficiencySuite: Suite = {
  name: 'efficiency',
  title: 'Optimizer efficiency on analytic problems',
  async run(ctx) {
    await useBackend({ backend: 'cpu' });
    const problems = problemSuite(ctx.seed, ctx.quick);
    const grid = ctx.quick ? GRID.quick : GRID.full;
    const lrs = logSpace(1e-4, 1, grid.points);
    const budget = ctx.quick ? 2500 : 4000;
    // The learning-rate ratio between neighbouring runs after the refinements (the note reports it).
    const resolution = (lrs[1]! / lrs[0]!) ** (1 / 2 ** grid.refinements);
    const { variants, notes } = registeredVariants({ learningRate: 0.01, batchSize: 1, batchesPerEpoch: 1, rho: ANALYTIC_RHO }, ['theta']);
    const costs: Costs = new Map();
    const rows: Table['rows'] = [];
    const usable = [];
    let done = 0;
    for (const v of variants) {
      const perProblem = new Map<string, number>();
      try {
        for (const p of problems) {
          const best = bestLearningRate(p, v, lrs, grid.refinements, budget);
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
        `${problems.length} problems; learning rates: the log grid ${lrs.map((l) => l.toPrecision(2)).join(', ')}, then ${grid.refinements} bisections of the log spacing around the best (resolution ×${resolution < 10 ? resolution.toFixed(2) : '10'}); budget ${budget} gradient evaluations; ρ = ${ANALYTIC_RHO} for SAM-type methods. Deterministic (seeded noise).`,
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
