/**
 * The conformance properties (spec/protocol.md, "Properties"). Each one states its claim and its
 * conditions; `check` throws PropertyViolation (a counterexample) or an infrastructure error.
 */
import fc from 'fast-check';
import { adaptiveMask } from '../kernels/algorithms/asam.js';
import { initialOracleState, oracleStep, perCoordinate } from '../oracle/algorithms.js';
import type { OracleStepResult } from '../oracle/steps.js';
import { PropertyViolation, allFinite, diff, expectClose, expectScalarClose, norm } from './compare.js';
import { runSteps } from './harness.js';
import { configArbitrary, type ConfigConstraints } from './hyperparameters.js';
import { problemArbitrary, quadratic, type Problem, type ProblemOptions } from './problem.js';
import type { AlgorithmConfig, Capabilities, ImplementationUnderTest } from './types.js';

export interface PropertyContext {
  algorithm: string;
  caps: Capabilities;
  impl: ImplementationUnderTest;
  rel: number;
  maxDimension: number;
}

export interface Case {
  problem: Problem;
  config: AlgorithmConfig;
  /** Loss multiplier 2^k (loss-scaling property only). */
  lossScale?: number;
}

export interface ConformanceProperty {
  id: string;
  claim: string;
  appliesTo(algorithm: string): boolean;
  /** Why this property cannot run against this implementation (→ SKIPPED), or null. */
  skipReason(ctx: PropertyContext): string | null;
  arbitrary(ctx: PropertyContext): fc.Arbitrary<Case>;
  check(c: Case, ctx: PropertyContext): Promise<void>;
}

const ASCENT_ALGORITHMS = ['sam', 'usam', 'asam'];
const any = () => true;
const hp = (c: AlgorithmConfig) => c as unknown as Record<string, number>;

function caseArbitrary(ctx: PropertyContext, problem: ProblemOptions = {}, constraints: ConfigConstraints = {}): fc.Arbitrary<Case> {
  return fc.record({
    problem: problemArbitrary({ maxDimension: ctx.maxDimension, ...problem }),
    config: configArbitrary(ctx.algorithm, ctx.caps, constraints),
  });
}

function oracleTrajectory(c: Case, steps: number, scale = 1): OracleStepResult[] {
  const f = quadratic({ ...c.problem.spec, scale });
  const out: OracleStepResult[] = [];
  let theta = c.problem.theta0;
  let state = initialOracleState();
  for (let i = 0; i < steps; i++) {
    const r = oracleStep(c.config, f, theta, state, c.problem.layout);
    out.push(r);
    theta = r.params;
    state = r.state;
  }
  return out;
}

/**
 * The size of a step's rounding error: the points involved, plus the gradient error that a
 * rounded evaluation point causes, carried by the learning rate (and momentum) into θ.
 */
function errorScale(c: Case, expected: OracleStepResult[], scale = 1): number {
  const { lipschitz } = quadratic({ ...c.problem.spec, scale });
  const b = hp(c.config);
  const theta0 = c.problem.theta0;
  let s = norm(theta0);
  for (const r of expected) {
    const moved = norm(diff(r.params, theta0));
    s += norm(r.params) + moved + b.learningRate * (1 + b.momentum) * (lipschitz + b.weightDecay) * (norm(theta0) + norm(c.problem.spec.center) + norm(r.perturbation) + moved);
  }
  return s;
}

async function runCase(c: Case, ctx: PropertyContext, steps: number, scale = 1) {
  const f = quadratic({ ...c.problem.spec, scale });
  return runSteps(ctx.impl, c.config, c.problem.layout, c.problem.theta0, Array<typeof f>(steps).fill(f));
}

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
    const pointScale = norm(c.problem.theta0) + norm(e.perturbation) + norm(c.problem.spec.center);
    if (d.perturbation) expectClose('perturbation', d.perturbation, e.perturbation, pointScale, ctx.rel);
    if (d.appliedGradient) {
      const gradientScale = norm(e.appliedGradient) + (quadratic(c.problem.spec).lipschitz + hp(c.config).weightDecay) * pointScale;
      expectClose('applied gradient', d.appliedGradient, e.appliedGradient, gradientScale, ctx.rel);
    }
  },
};

const perturbationRadius: ConformanceProperty = {
  id: 'perturbation-radius',
  claim: 'the ascent point is at the radius the algorithm defines: SAM ‖δ‖ = ρ‖g‖/(‖g‖+ε), USAM ‖δ‖ = ρ‖g‖, ASAM ‖T⁻¹δ‖ = ρ‖Tg‖/(‖Tg‖+ε)',
  appliesTo: (a) => ASCENT_ALGORITHMS.includes(a),
  skipReason: () => null,
  arbitrary: (ctx) => caseArbitrary(ctx, {}, { baseWeightDecayOnly: true }),
  async check(c, ctx) {
    const [{ oracle }] = await runCase(c, ctx, 1);
    const evals = oracle.gradientEvaluations;
    if (evals.length < 2) throw new PropertyViolation(`expected a clean and an ascent gradient evaluation, got ${evals.length}`);
    const theta0 = c.problem.theta0;
    const g0 = evals[0].gradient!;
    const b = hp(c.config);
    const t = ctx.algorithm === 'asam' ? asamScale(c) : theta0.map(() => 1);
    const delta = diff(evals[1].point, theta0);
    // Coordinates with t = 0 (ASAM, η_T = 0, θ_j = 0) must not move at all.
    delta.forEach((x, j) => {
      if (t[j] === 0 && x !== 0) throw new PropertyViolation(`δ_${j} = ${x} but T_jj = 0 (θ_j = 0, η_T = 0)`);
    });
    const scaled = (v: number[]) => v.map((x, j) => (t[j] === 0 ? 0 : x / t[j]));
    const tg = norm(g0.map((x, j) => x * t[j]));
    const expected = ctx.algorithm === 'usam' ? b.rho * norm(g0) : (b.rho * tg) / (tg + b.epsilon);
    const roundingScale = expected + norm(scaled(evals[1].point)) + norm(scaled(theta0));
    expectScalarClose('‖T⁻¹δ‖', norm(scaled(delta)), expected, roundingScale, ctx.rel);
  },
};

function asamScale(c: Case): number[] {
  const a = c.config as { etaT: number; adaptive: 'all' | 'exclude-biases' | boolean[] };
  const flags = perCoordinate(adaptiveMask(a.adaptive, { names: c.problem.layout.names }), c.problem.layout);
  return c.problem.theta0.map((x, j) => (flags[j] ? Math.abs(x) + a.etaT : 1));
}

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

/** How a loss scale c maps onto hyperparameters so that the step is unchanged (E9). */
const SCALING: Record<string, (c: AlgorithmConfig, s: number) => Record<string, unknown>> = {
  sgd: () => ({}),
  sam: () => ({}),
  asam: () => ({}),
  usam: (c, s) => ({ rho: hp(c).rho * s }),
};

const lossScaling: ConformanceProperty = {
  id: 'loss-scaling-equivariance',
  claim: 'a step on c·L with (η, wd) equals a step on L with (c·η, wd/c) — and USAM ρ → c·ρ; c = 2^k, ‖g_0‖ ≥ 1e-3',
  appliesTo: (a) => a in SCALING,
  skipReason: () => null,
  arbitrary: (ctx) =>
    fc.tuple(caseArbitrary(ctx), fc.integer({ min: -6, max: 6 }).filter((k) => k !== 0)).map(([c, k]) => ({ ...c, lossScale: 2 ** k })),
  async check(c, ctx) {
    fc.pre(norm(quadratic(c.problem.spec).gradient(c.problem.theta0)) >= 1e-3);
    const s = c.lossScale!;
    const b = hp(c.config);
    const unscaledConfig = { ...c.config, learningRate: b.learningRate * s, weightDecay: b.weightDecay / s, ...SCALING[ctx.algorithm](c.config, s) } as AlgorithmConfig;
    const [{ outcome: onScaled }] = await runCase(c, ctx, 1, s);
    const [{ outcome: onUnscaled }] = await runCase({ ...c, config: unscaledConfig }, ctx, 1);
    const expected = oracleTrajectory(c, 1, s);
    const bound = errorScale(c, expected, s) + guardSlack(c, ctx, expected[0]) / ctx.rel;
    expectClose(`θ_1 on ${s}·L vs θ_1 on L with rescaled hyperparameters`, onScaled.params, onUnscaled.params, bound, ctx.rel);
  },
};

/**
 * The norm guard breaks exact loss-scale invariance: δ changes by up to ‖δ‖·ε/n between the
 * scaled and unscaled runs (n = ‖g‖ for SAM, ‖T g‖ for ASAM), and the step carries that change
 * through s·η·H. This slack is part of the claim's statement, not a widened tolerance.
 */
function guardSlack(c: Case, ctx: PropertyContext, scaled: OracleStepResult): number {
  if (ctx.algorithm !== 'sam' && ctx.algorithm !== 'asam') return 0;
  const s = c.lossScale!;
  const b = hp(c.config);
  const wdInLoss = c.config.weightDecayIn === 'loss' ? b.weightDecay : 0;
  const g0 = quadratic(c.problem.spec).gradient(c.problem.theta0).map((x, j) => x + (wdInLoss / s) * c.problem.theta0[j]);
  const t = ctx.algorithm === 'asam' ? asamScale(c) : g0.map(() => 1);
  const n = norm(g0.map((x, j) => x * t[j])) * Math.min(1, s);
  if (n === 0) return 0; // δ = 0 in both runs
  const { lipschitz } = quadratic({ ...c.problem.spec, scale: s });
  return (2 * b.learningRate * (1 + b.momentum) * (lipschitz + b.weightDecay) * norm(scaled.perturbation) * b.epsilon) / n;
}

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

/** Cheapest and most basic first: `verifyMutants` stops at the first property that kills. */
export const CONFORMANCE_PROPERTIES: ConformanceProperty[] = [
  gradientEvaluations,
  zeroLearningRate,
  stepMatchesOracle,
  perturbationRadius,
  zeroGradient,
  lossScaling,
  momentumTwoSteps,
];
