/**
 * Trajectory properties (spec/protocol.md §4, "Trajectories"): every algorithm is stepped T = 2..8
 * times whatever options it declares, so state carried wrongly from one step to the next (a stale
 * gradient, a buffer fed twice, a counter off by one) fails even without momentum; a fresh session
 * repeats the first; two sessions stepped in turn keep their own state. The tolerance of θ_t is
 * the rounding scale plus the oracle's own sensitivity (base_property.ts, `judgedTrajectory`).
 */
import fc from 'fast-check';
import { expectClose } from './compare.js';
import { judgedTrajectory, type BaseCase } from './base_property.js';
import { RecordingOracle } from './harness.js';
import { configArbitrary } from './hyperparameters.js';
import { anyProblemArbitrary, problemObjective, type Problem } from './problem.js';
import { any, isFiniteSum, runCase, type ConformanceProperty, type PropertyContext } from './property_support.js';

export const trajectoryArbitrary = (ctx: PropertyContext, maxSteps = 8): fc.Arbitrary<BaseCase> =>
  fc.record({
    problem: anyProblemArbitrary({ maxDimension: ctx.maxDimension, finiteSum: isFiniteSum(ctx.algorithm) }),
    config: configArbitrary(ctx.algorithm, ctx.caps),
    steps: fc.integer({ min: 2, max: maxSteps }),
    noiseSeed: fc.integer({ min: 0, max: 2 ** 30 }),
  });

const trajectoryMatchesOracle: ConformanceProperty = {
  id: 'trajectory-matches-oracle',
  claim: 'T = 2..8 steps in one session equal the float64 oracle\'s trajectory, whatever options are declared',
  appliesTo: any,
  skipReason: () => null,
  arbitrary: (ctx) => trajectoryArbitrary(ctx),
  async check(raw, ctx) {
    const c = raw as BaseCase;
    const { expected, tolerances } = judgedTrajectory(c);
    const run = await runCase(c, ctx, c.steps);
    run.forEach(({ outcome }, t) => expectClose(`θ_${t + 1}`, outcome.params, expected[t].params, tolerances[t], ctx.rel));
  },
};

const freshSessionRepeats: ConformanceProperty = {
  id: 'fresh-session-repeats-trajectory',
  claim: 'a fresh session on the same problem and config repeats the first session\'s trajectory (no state outlives a session)',
  appliesTo: any,
  skipReason: () => null,
  arbitrary: (ctx) => trajectoryArbitrary(ctx, 4),
  async check(raw, ctx) {
    const c = raw as BaseCase;
    const { tolerances } = judgedTrajectory(c);
    const first = await runCase(c, ctx, c.steps);
    const second = await runCase(c, ctx, c.steps);
    second.forEach(({ outcome }, t) => expectClose(`θ_${t + 1} of the second session`, outcome.params, first[t].outcome.params, tolerances[t], ctx.rel));
  },
};

/** The same problem started from −θ_0: the same layout and config, a different trajectory. */
const mirrored = (p: Problem): Problem => ({ ...p, theta0: p.theta0.map((x) => -x) }) as Problem;

const interleavedSessions: ConformanceProperty = {
  id: 'interleaved-sessions-independent',
  claim: 'two sessions with the same layout, stepped in turn, each follow their own oracle trajectory (sessions share no state)',
  appliesTo: any,
  skipReason: () => null,
  arbitrary: (ctx) => trajectoryArbitrary(ctx, 4),
  async check(raw, ctx) {
    const a = raw as BaseCase;
    const b = { ...a, problem: mirrored(a.problem) };
    const judged = [judgedTrajectory(a), judgedTrajectory(b)];
    const cases = [a, b];
    const f = problemObjective(a.problem.spec);
    const sessions = [await ctx.impl.createSession(a.config, a.problem.layout)];
    try {
      sessions.push(await ctx.impl.createSession(b.config, b.problem.layout));
      const params = cases.map((c) => [...c.problem.theta0]);
      for (let t = 0; t < a.steps; t++) {
        for (let s = 0; s < 2; s++) {
          const outcome = await sessions[s].step(params[s], new RecordingOracle(f));
          expectClose(`session ${s === 0 ? 'A' : 'B (from −θ_0)'} θ_${t + 1}`, outcome.params, judged[s].expected[t].params, judged[s].tolerances[t], ctx.rel);
          params[s] = outcome.params;
        }
      }
    } finally {
      for (const s of sessions) await s.close();
    }
  },
};

export const trajectoryProperties: ConformanceProperty[] = [trajectoryMatchesOracle, freshSessionRepeats, interleavedSessions];
