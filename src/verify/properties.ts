/**
 * The conformance properties (spec/protocol.md, "Properties"). Each one states its claim and its
 * conditions; `check` throws PropertyViolation (a counterexample) or an infrastructure error.
 */
import { PropertyViolation, allFinite, diff, expectClose, expectScalarClose, norm } from './compare.js';
import { centerNorm, problemObjective } from './problem.js';
import { descriptorOf } from '../algorithms/index.js';
import { any, ascentScale, caseArbitrary, errorScale, hp, oracleTrajectory, runCase, type ConformanceProperty } from './property_support.js';
import { ascentPathRadius, finiteSumPerturbationRadius, parallelDirections, sampleWeights } from './family_properties.js';
import { lossScaling } from './scaling_property.js';
import { baseProperties } from './base_property.js';
import { trajectoryProperties } from './trajectory_properties.js';

export { isFiniteSum, finiteSumSkipReason, type Case, type ConformanceProperty, type PropertyContext } from './property_support.js';

const stepMatchesOracle: ConformanceProperty = {
  id: 'step-matches-oracle',
  claim: 'one step equals the float64 oracle step (and reported diagnostics equal the oracle\'s)',
  appliesTo: any,
  skipReason: () => null,
  arbitrary: (ctx) => caseArbitrary(ctx),
  async check(c, ctx) {
    const [{ outcome }] = await runCase(c, ctx, 1);
    const expected = oracleTrajectory(c, 1);
    const scale = errorScale(c, expected);
    expectClose('θ_1', outcome.params, expected[0].params, scale, ctx.rel);
    // Diagnostics, when reported, are compared on their own scale: ‖δ‖ and ‖g‖ plus the
    // rounding of the points they come from.
    const d = outcome.diagnostics ?? {};
    const e = expected[0];
    const pointScale = norm(c.problem.theta0) + norm(e.perturbation) + centerNorm(c.problem.spec);
    if (d.perturbation) expectClose('perturbation', d.perturbation, e.perturbation, pointScale, ctx.rel);
    if (d.appliedGradient) {
      const gradientScale = norm(e.appliedGradient) + (problemObjective(c.problem.spec).lipschitz + hp(c.config).weightDecay) * pointScale;
      expectClose('applied gradient', d.appliedGradient, e.appliedGradient, gradientScale, ctx.rel);
    }
  },
};

const perturbationRadius: ConformanceProperty = {
  id: 'perturbation-radius',
  claim: 'the ascent point is at the radius the algorithm defines: SAM ‖δ‖ = ρ‖g‖/(‖g‖+ε), USAM ‖δ‖ = ρ‖g‖, ASAM ‖T⁻¹δ‖ = ρ‖Tg‖/(‖Tg‖+ε)',
  appliesTo: (a) => descriptorOf(a).tags.ascent !== undefined,
  skipReason: () => null,
  arbitrary: (ctx) => caseArbitrary(ctx, {}, { baseWeightDecayOnly: true }),
  async check(c, ctx) {
    const [{ oracle }] = await runCase(c, ctx, 1);
    const evals = oracle.gradientEvaluations;
    if (evals.length < 2) throw new PropertyViolation(`expected a clean and an ascent gradient evaluation, got ${evals.length}`);
    const theta0 = c.problem.theta0;
    const g0 = evals[0].gradient!;
    const t = ascentScale(c);
    const delta = diff(evals[1].point, theta0);
    // Coordinates with t = 0 (ASAM, η_T = 0, θ_j = 0) must not move at all.
    delta.forEach((x, j) => {
      if (t[j] === 0 && x !== 0) throw new PropertyViolation(`δ_${j} = ${x} but T_jj = 0 (θ_j = 0, η_T = 0)`);
    });
    const scaled = (v: number[]) => v.map((x, j) => (t[j] === 0 ? 0 : x / t[j]));
    const tg = norm(g0.map((x, j) => x * t[j]));
    const expected = descriptorOf(ctx.algorithm).tags.ascent!.radius(c.config as unknown as Record<string, unknown>, tg, norm(g0));
    const roundingScale = expected + norm(scaled(evals[1].point)) + norm(scaled(theta0));
    expectScalarClose('‖T⁻¹δ‖', norm(scaled(delta)), expected, roundingScale, ctx.rel);
  },
};

const zeroLearningRate: ConformanceProperty = {
  id: 'zero-learning-rate-keeps-parameters',
  claim: 'with learning rate 0 the parameters come back unchanged (θ_0 restored after the ascent)',
  appliesTo: any,
  skipReason: () => null,
  arbitrary: (ctx) => caseArbitrary(ctx, {}, { force: { learningRate: 0 } }),
  async check(c, ctx) {
    const [{ outcome }] = await runCase(c, ctx, 1);
    const expected = oracleTrajectory(c, 1);
    const scale = norm(c.problem.theta0) + norm(expected[0].perturbation);
    expectClose('θ_1 (lr = 0)', outcome.params, c.problem.theta0, scale, ctx.rel);
  },
};

const zeroGradient: ConformanceProperty = {
  id: 'zero-gradient-step-is-finite',
  claim: 'at a stationary point (g_0 = 0, weight decay in the base step) the step is finite and equals the weight-decay/momentum-only step',
  appliesTo: any,
  skipReason: (ctx) => (ctx.caps.policies.zeroGradient === 'nan' ? 'the implementation declares zeroGradient: "nan" (no norm guard)' : null),
  // 'loss' placement would add wd·θ_0 to the gradient: the point would not be stationary.
  arbitrary: (ctx) => caseArbitrary(ctx, { stationary: true }, { baseWeightDecayOnly: true }),
  async check(c, ctx) {
    const [{ outcome }] = await runCase(c, ctx, 1);
    if (!allFinite(outcome.params)) throw new PropertyViolation(`non-finite step at a stationary point: ${JSON.stringify(outcome.params)}`);
    const expected = oracleTrajectory(c, 1);
    expectClose('θ_1 at g_0 = 0', outcome.params, expected[0].params, errorScale(c, expected), ctx.rel);
  },
};

const gradientEvaluations: ConformanceProperty = {
  id: 'gradient-evaluations-per-step',
  claim: 'a step requests exactly as many gradients as the algorithm defines (SGD 1, SAM/USAM/ASAM 2, k-step k + 1)',
  appliesTo: any,
  skipReason: () => null,
  arbitrary: (ctx) => caseArbitrary(ctx),
  async check(c, ctx) {
    const [{ oracle }] = await runCase(c, ctx, 1);
    const expected = oracleTrajectory(c, 1)[0].gradientEvaluations;
    const got = oracle.gradientEvaluations.length;
    if (got !== expected) throw new PropertyViolation(`${got} gradient evaluations in one step, expected ${expected}`);
  },
};

const momentumTwoSteps: ConformanceProperty = {
  id: 'momentum-buffer-two-steps',
  claim: 'over two steps with momentum the trajectory equals the oracle (buffer fed once per step, by the applied gradient only)',
  appliesTo: any,
  skipReason: (ctx) => (ctx.caps.options.momentum ? null : 'the implementation does not declare momentum'),
  arbitrary: (ctx) => caseArbitrary(ctx, {}, { momentum: true }),
  async check(c, ctx) {
    const steps = await runCase(c, ctx, 2);
    const expected = oracleTrajectory(c, 2);
    const scale = errorScale(c, expected);
    steps.forEach((s, i) => expectClose(`θ_${i + 1}`, s.outcome.params, expected[i].params, scale, ctx.rel));
  },
};

const statefulTrajectory: ConformanceProperty = {
  id: 'stateful-trajectory',
  claim: 'over the algorithm\'s declared number of steps the trajectory equals the oracle (its own state carried between steps, with or without momentum)',
  appliesTo: (a) => descriptorOf(a).tags.trajectory !== undefined,
  skipReason: () => null,
  arbitrary: (ctx) => caseArbitrary(ctx),
  async check(c, ctx) {
    const n = descriptorOf(ctx.algorithm).tags.trajectory!.steps;
    const steps = await runCase(c, ctx, n);
    const expected = oracleTrajectory(c, n);
    const scale = errorScale(c, expected);
    steps.forEach((s, i) => expectClose(`θ_${i + 1}`, s.outcome.params, expected[i].params, scale, ctx.rel));
  },
};

/** Cheapest and most basic first: `verifyMutants` stops at the first property that kills. */
/** Every property: the fixed list, then one per registered base besides SGD. */
export const conformanceProperties = (): ConformanceProperty[] => [...CONFORMANCE_PROPERTIES, ...baseProperties()];

export const CONFORMANCE_PROPERTIES: ConformanceProperty[] = [
  gradientEvaluations,
  zeroLearningRate,
  stepMatchesOracle,
  perturbationRadius,
  ascentPathRadius,
  finiteSumPerturbationRadius,
  sampleWeights,
  zeroGradient,
  parallelDirections,
  lossScaling,
  statefulTrajectory,
  momentumTwoSteps,
  ...trajectoryProperties,
];
