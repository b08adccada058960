/**
 * Properties for the rest of the family (spec/protocol.md §2): the multi-step ascent path's
 * radius, XSAM with v_0 ∥ v_1 (hazard H1), the RW-SAM weights an implementation sends, and the
 * m-SAM / n-SAM / RW-SAM perturbation radius per selection of samples. All but the XSAM one are
 * observed from the harness's request log, no diagnostics needed.
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
    // The claim is about the algorithm as specified: ψ by the robust formula, whatever a
    // samcheck-specific `angle` option asks the implementation for (its 'arccos' is the hazard).
    const specified = 'angle' in c.config ? { ...c, config: { ...c.config, angle: 'atan2' } as typeof c.config } : c;
    const expected = oracleTrajectory(specified, 1);
    expectClose('θ_1 (v_0 ∥ v_1)', outcome.params, expected[0].params, errorScale(specified, expected), ctx.rel);
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

/** A selection is a set: the mean over it does not depend on the order. */
const sameSamples = (a: readonly number[] | undefined, b: readonly number[]) => a !== undefined && a.length === b.length && b.every((x) => a.includes(x));
const atPoint = (a: readonly number[], b: readonly number[]) => a.every((x, i) => x === b[i]);

export const finiteSumPerturbationRadius: ConformanceProperty = {
  id: 'finite-sum-perturbation-radius',
  claim:
    'm-SAM: for every micro-batch S_j = batch[j·m:(j+1)·m] one gradient request over S_j at θ_0 and one at ‖δ_j‖ = ρ·n_j/(n_j+ε) (n_j: the served ‖∇L_{S_j}(θ_0)‖); n-SAM: the first gradient request over the full data at θ_0, the last over the batch at ρ·n/(n+ε); RW-SAM: the last batch request at ρ·n/(n+ε), n = ‖g_p‖ served for the weighted request (‖g_0‖ at τ = ∞)',
  appliesTo: (a) => ['m-sam', 'n-sam', 'rw-sam'].includes(a),
  skipReason: () => null,
  arbitrary: (ctx) => caseArbitrary(ctx, {}, { baseWeightDecayOnly: true }),
  async check(c, ctx) {
    const [{ oracle }] = await runCase(c, ctx, 1);
    const evals = oracle.gradientEvaluations;
    const theta0 = c.problem.theta0;
    const { batch, full } = oracle.data!;
    const b = hp(c.config);
    const radius = (direction: readonly number[], point: readonly number[], what: string) => {
      const n = norm(direction);
      const expected = (b.rho * n) / (n + b.epsilon);
      expectScalarClose(what, norm(diff(point, theta0)), expected, expected + norm(point) + norm(theta0), ctx.rel);
    };
    // The requests over one selection, in order: the clean one (at θ_0), then the perturbed one
    // (at θ_0 itself when δ = 0, e.g. a micro-batch whose gradient vanishes).
    const over = (samples: readonly number[], what: string) => {
      const found = evals.filter((x) => sameSamples(x.samples, samples));
      if (found.length < 2 || !atPoint(found[0].point, theta0)) {
        throw new PropertyViolation(`expected a request over samples ${JSON.stringify(samples)} at θ_0 and a perturbed one (${what}); requests over: ${JSON.stringify(evals.map((x) => x.samples))}`);
      }
      return found;
    };
    if (ctx.algorithm === 'm-sam') {
      for (let j = 0; j < batch.length / b.m; j++) {
        const [clean, perturbed] = over(batch.slice(j * b.m, (j + 1) * b.m), `micro-batch ${j}`);
        radius(clean.gradient!, perturbed.point, `‖δ_${j}‖`);
      }
    } else if (ctx.algorithm === 'n-sam') {
      // When the batch is the whole data set the two selections coincide (n-SAM = SAM).
      const [first, last] = [evals[0], evals[evals.length - 1]];
      if (evals.length < 2 || !sameSamples(first.samples, full) || !atPoint(first.point, theta0) || !sameSamples(last.samples, batch)) {
        throw new PropertyViolation(`expected the first gradient request over the full data at θ_0 and the last over the batch; requests over: ${JSON.stringify(evals.map((x) => x.samples))}`);
      }
      radius(first.gradient!, last.point, '‖δ‖');
    } else {
      const [clean, ...rest] = over(batch, 'clean and descent');
      const weighted = evals.find((x) => x.weights !== undefined) ?? clean;
      radius(weighted.gradient!, rest[rest.length - 1].point, '‖δ‖');
    }
  },
};
