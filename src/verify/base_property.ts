/**
 * The base-optimizer properties (spec/bases.md §10): over every base other than SGD, T steps of
 * an algorithm equal the float64 oracle's trajectory. The tolerance adds to the rounding scale
 * of a step the oracle's own measured sensitivity to float32-sized input changes, because
 * Adam-type bases divide by √v̂ + ε and so amplify a rounding in a near-zero gradient without bound
 * (spec/bases.md §8); draws where that amplification dominates the step are not judged.
 */
import fc from 'fast-check';
import { baseNames } from '../bases/registry.js';
import { createRandom } from '../data/random.js';
import { initialOracleState, oracleStep } from '../oracle/algorithms.js';
import type { OracleStepResult } from '../oracle/steps.js';
import { diff, expectClose, norm } from './compare.js';
import { problemObjective, type Problem, type ProblemSpec } from './problem.js';
import { errorScale, isFiniteSum, oracleTrajectory, runCase, type Case, type ConformanceProperty } from './property_support.js';
import { anyProblemArbitrary } from './problem.js';
import { configArbitrary } from './hyperparameters.js';

const U32 = 2 ** -24;
const MOVED = ['curvature', 'center', 'coupling', 'couplingScale'];

export interface BaseCase extends Case {
  steps: number;
  noiseSeed: number;
}

/** The spec and θ_0 with every entry moved by a relative 2⁻²⁴ of random sign. */
function perturbed(problem: Problem, seed: number, which: 'theta' | 'spec' | 'both'): Problem {
  const rng = createRandom(seed);
  const move = (x: number) => x * (1 + (rng.uniform() < 0.5 ? -U32 : U32));
  const moveAll = (v: unknown): unknown => (typeof v === 'number' ? move(v) : Array.isArray(v) ? v.map(moveAll) : v);
  // The function's real parameters move; its sample indices do not.
  const spec = which === 'theta' ? problem.spec : (Object.fromEntries(Object.entries(problem.spec).map(([k, v]) => [k, MOVED.includes(k) ? moveAll(v) : v])) as unknown as ProblemSpec);
  const theta0 = which === 'spec' ? problem.theta0 : problem.theta0.map(move);
  return { ...problem, spec, theta0 } as Problem;
}

/** S_t: the largest move of the oracle's θ_t over three runs on perturbed inputs. */
export function oracleSensitivity(c: BaseCase, expected: number[][]): number[] {
  const out = expected.map(() => 0);
  (['theta', 'spec', 'both'] as const).forEach((which, k) => {
    const p = perturbed(c.problem, c.noiseSeed + k, which);
    const f = problemObjective(p.spec);
    let theta = p.theta0;
    let state = initialOracleState();
    for (let t = 0; t < expected.length; t++) {
      const r = oracleStep(c.config, f, theta, state, p.layout);
      out[t] = Math.max(out[t], norm(diff(r.params, expected[t])));
      theta = r.params;
      state = r.state;
    }
  });
  return out;
}

/**
 * The oracle's T-step trajectory and the error scale of each θ_t (rounding scale + sensitivity).
 * Judged only where the rule's amplification of input rounding stays small beside the step
 * (fc.pre otherwise).
 */
export function judgedTrajectory(c: BaseCase): { expected: OracleStepResult[]; tolerances: number[] } {
  const expected = oracleTrajectory(c, c.steps);
  const sensitivity = oracleSensitivity(c, expected.map((r) => r.params));
  const moved = expected.map((r, t) => norm(diff(r.params, t === 0 ? c.problem.theta0 : expected[t - 1].params)));
  const scales = expected.map((_, t) => errorScale(c, expected.slice(0, t + 1)));
  fc.pre(sensitivity.every((s, t) => s <= 1e-2 * moved.slice(0, t + 1).reduce((a, m) => a + m, 0) + U32 * scales[t]));
  return { expected, tolerances: scales.map((s, t) => s + sensitivity[t] / U32) };
}

export function overBaseProperty(base: string): ConformanceProperty {
  return {
    id: `over-${base}-trajectory-matches-oracle`,
    claim: `T = 2..4 steps over the ${base} base equal the float64 oracle's trajectory (tolerance: rounding scale + the oracle's sensitivity, spec/bases.md §8)`,
    appliesTo: () => true,
    skipReason: (ctx) => (ctx.caps.bases?.[base] ? null : `the implementation does not declare base ${base}`),
    arbitrary: (ctx) =>
      fc.record({
        problem: anyProblemArbitrary({ maxDimension: ctx.maxDimension, finiteSum: isFiniteSum(ctx.algorithm) }),
        config: configArbitrary(ctx.algorithm, ctx.caps, { base }),
        steps: fc.integer({ min: 2, max: 4 }),
        noiseSeed: fc.integer({ min: 0, max: 2 ** 30 }),
      }),
    async check(raw, ctx) {
      const c = raw as BaseCase;
      const { expected, tolerances } = judgedTrajectory(c);
      const run = await runCase(c, ctx, c.steps);
      run.forEach(({ outcome }, t) => expectClose(`θ_${t + 1} over ${base}`, outcome.params, expected[t].params, tolerances[t], ctx.rel));
    },
  };
}

/** One property per registered base besides SGD (SGD is what every other property runs over). */
export const baseProperties = (): ConformanceProperty[] => baseNames().filter((b) => b !== 'sgd').map(overBaseProperty);
