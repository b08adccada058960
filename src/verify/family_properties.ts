/**
 * Properties for the rest of the family (spec/protocol.md §2): the multi-step ascent path's
 * radius, XSAM with v_0 ∥ v_1 (hazard H1), and the RW-SAM weights an implementation sends.
 * All observed from the harness log, no diagnostics needed.
 */
import fc from 'fast-check';
import { PropertyViolation, allFinite, diff, expectClose, expectScalarClose, norm } from './compare.js';
import { problemObjective } from './problem.js';
import { caseArbitrary, errorScale, hp, oracleTrajectory, runCase, type ConformanceProperty } from './property_support.js';

const MULTI_STEP = ['multistep-sam', 'xsam'];

export const ascentPathRadius: ConformanceProperty = {
  id: 'ascent-path-radius',
  claim:
    "multi-step ascent: the first ascent point is at ρ/k·n/(n+ε) from θ_0 (fixed path; projected: min(c·ρ·n/(n+ε), ρ)), n = ‖g_0‖, and the last one within ρ",
  appliesTo: (a) => MULTI_STEP.includes(a),
  skipReason: () => null,
  // 'loss' placement would make g_0 include wd·θ_0; the radius is stated for the data loss.
  arbitrary: (ctx) => caseArbitrary(ctx, {}, { baseWeightDecayOnly: true }),
  async check(c, ctx) {
    const [{ oracle }] = await runCase(c, ctx, 1);
    const evals = oracle.gradientEvaluations;
    const b = hp(c.config);
    const k = b.steps;
    if (evals.length < 2) throw new PropertyViolation(`expected a clean and at least one ascent gradient evaluation, got ${evals.length}`);
    const theta0 = c.problem.theta0;
    const n = norm(evals[0].gradient!);
    const projected = (c.config as { ascent?: string }).ascent === 'projected';
    const first = projected ? Math.min((b.stepSizeMultiplier * b.rho * n) / (n + b.epsilon), b.rho) : ((b.rho / k) * n) / (n + b.epsilon);
    const point = (i: number) => evals[i].point;
    expectScalarClose('‖θ_1 − θ_0‖', norm(diff(point(1), theta0)), first, first + norm(point(1)) + norm(theta0), ctx.rel);
    const last = norm(diff(point(evals.length - 1), theta0));
    const bound = b.rho * (1 + ctx.rel) + ctx.rel * (norm(point(evals.length - 1)) + norm(theta0));
    if (!(last <= bound)) throw new PropertyViolation(`‖θ_k − θ_0‖ = ${last} > ρ = ${b.rho} (k = ${k})`);
  },
};

export const parallelDirections: ConformanceProperty = {
  id: 'parallel-directions-step-is-finite',
  claim: 'on an isotropic quadratic (every gradient on one ray, so XSAM\'s v_0 ∥ v_1) with ε = 0, the step is finite and equals the oracle step',
  appliesTo: (a) => MULTI_STEP.includes(a),
  skipReason: (ctx) => (ctx.caps.algorithms[ctx.algorithm]?.fixed?.epsilon !== undefined ? 'the implementation pins ε (the hazard needs unit vectors without a guard)' : null),
  // ε = 0: with a guard the unit vectors are shorter than 1 by ε/‖x‖ and their dot never rounds
  // above 1 in float64; float32 implementations lose the 1e-12 guard to rounding anyway.
  arbitrary: (ctx) => caseArbitrary(ctx, { isotropic: true }, { force: { epsilon: 0 } }),
  async check(c, ctx) {
    fc.pre(norm(problemObjective(c.problem.spec).gradient(c.problem.theta0)) >= 1e-3);
    const [{ outcome }] = await runCase(c, ctx, 1);
    if (!allFinite(outcome.params)) throw new PropertyViolation(`non-finite step with v_0 ∥ v_1: ${JSON.stringify(outcome.params)}`);
    const expected = oracleTrajectory(c, 1);
    expectClose('θ_1 (v_0 ∥ v_1)', outcome.params, expected[0].params, errorScale(c, expected), ctx.rel);
  },
};

export const sampleWeights: ConformanceProperty = {
  id: 'sample-weights-are-a-distribution',
  claim: 'RW-SAM: every weighted request (evaluate with weights) carries one weight ≥ 0 per batch sample, summing to 1 (Gibbs weights are normalised)',
  appliesTo: (a) => a === 'rw-sam',
  skipReason: () => null,
  arbitrary: (ctx) => caseArbitrary(ctx).filter((c) => (c.config as { temperature: unknown }).temperature !== 'infinity'),
  async check(c, ctx) {
    const [{ oracle }] = await runCase(c, ctx, 1);
    for (const e of oracle.log.filter((x) => x.weights !== undefined)) {
      const w = e.weights!;
      if (w.some((x) => !(x >= 0))) throw new PropertyViolation(`negative or NaN weight in ${JSON.stringify(w)}`);
      const total = w.reduce((a, x) => a + x, 0);
      expectScalarClose('Σ weights', total, 1, w.length, ctx.rel);
    }
  },
};
