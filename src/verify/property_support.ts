/**
 * What every conformance property shares: its shape, the context it runs in, how cases are
 * drawn (finite sums for m-SAM, n-SAM and RW-SAM), the float64 oracle trajectory and the
 * rounding scale of a step (spec/protocol.md §2, "Tolerances").
 */
import fc from 'fast-check';
import { descriptorOf } from '../algorithms/index.js';
import { initialOracleState, oracleStep } from '../oracle/algorithms.js';
import type { OracleStepResult } from '../oracle/steps.js';
import { diff, norm } from './compare.js';
import { runSteps } from './harness.js';
import { configArbitrary, type ConfigConstraints } from './hyperparameters.js';
import { anyProblemArbitrary, centerNorm, problemObjective, type Problem, type ProblemOptions } from './problem.js';
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

/** Algorithms that need per-sample losses run on finite-sum problems (spec/protocol.md §3.1). */
export const isFiniteSum = (algorithm: string): boolean => descriptorOf(algorithm).tags.finiteSum === true;

/** Every property of a finite-sum algorithm is SKIPPED for an implementation that cannot serve samples. */
export function finiteSumSkipReason(algorithm: string, caps: Capabilities): string | null {
  return isFiniteSum(algorithm) && !caps.finiteSum ? `${algorithm} needs per-sample evaluations and the implementation does not declare finiteSum` : null;
}
export const any = () => true;
export const hp = (c: AlgorithmConfig) => c as unknown as Record<string, number>;

export function caseArbitrary(ctx: PropertyContext, problem: ProblemOptions = {}, constraints: ConfigConstraints = {}): fc.Arbitrary<Case> {
  return fc.record({
    problem: anyProblemArbitrary({ maxDimension: ctx.maxDimension, finiteSum: isFiniteSum(ctx.algorithm), ...problem }),
    config: configArbitrary(ctx.algorithm, ctx.caps, constraints),
  });
}

export function oracleTrajectory(c: Case, steps: number, scale = 1): OracleStepResult[] {
  const f = problemObjective(c.problem.spec, scale);
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
export function errorScale(c: Case, expected: OracleStepResult[], scale = 1): number {
  const { lipschitz } = problemObjective(c.problem.spec, scale);
  const b = hp(c.config);
  const theta0 = c.problem.theta0;
  let s = norm(theta0);
  for (const r of expected) {
    const moved = norm(diff(r.params, theta0));
    s += norm(r.params) + moved + b.learningRate * (1 + (b.momentum ?? 0)) * (lipschitz + b.weightDecay) * (norm(theta0) + centerNorm(c.problem.spec) + norm(r.perturbation) + moved);
  }
  return s;
}

export async function runCase(c: Case, ctx: PropertyContext, steps: number, scale = 1) {
  const f = problemObjective(c.problem.spec, scale);
  return runSteps(ctx.impl, c.config, c.problem.layout, c.problem.theta0, Array<typeof f>(steps).fill(f));
}

/** The per-coordinate scale t of an ascent algorithm's radius (1 everywhere but ASAM's T). */
export function ascentScale(c: Case): number[] {
  const ascent = descriptorOf(c.config.algorithm).tags.ascent;
  return ascent ? ascent.scale(c.config as unknown as Record<string, unknown>, c.problem.theta0, c.problem.layout) : c.problem.theta0.map(() => 1);
}
