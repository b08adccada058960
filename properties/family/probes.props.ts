import { beforeAll, describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { useBackend } from '../../src/backend/index.js';
import { alphaGrid, chooseAlpha, xsamGradient, type XsamOptions } from '../../src/kernels/xsam.js';
import { oracleSlerp, oracleXsam } from '../../src/algorithms/xsam/oracle.js';
import { initialOracleState } from '../../src/oracle/algorithms.js';
import { oracleBaseOf, resolveOracleConfig } from '../../src/oracle/algorithms.js';
import { plus, times } from '../../src/oracle/vector.js';
import { oracleObjective, type Problem } from './problems.js';
import { conditionedProblemArb, findsCounterexample, kernelRun } from './harness.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const settings = fc.record({
  rho: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
  steps: fc.integer({ min: 1, max: 3 }),
  rhoMax: fc.double({ min: 0.01, max: 1, noNaN: true }),
});
type Settings = { rho: number; steps: number; rhoMax: number };

const options = (s: Settings): XsamOptions => ({
  ...s,
  epsilon: 1e-12,
  dynamic: true,
  alphaMax: 2,
  alphaDelta: 0.1,
  probeInterval: 1,
  referenceProbeInit: false,
  angle: 'atan2',
});

/**
 * X5 at the probing step: the chosen α* maximises the float64 probe loss L(θ_0 + ρ_max·v(α)) over
 * the grid, up to float32 ties (v_0, v_1, ψ from the float64 oracle of the same step).
 */
function probeDominance(p: Problem, s: Settings, probeRadius = s.rhoMax, referenceProbeInit = false): boolean {
  const estimator = xsamGradient({ ...options(s), rhoMax: probeRadius, referenceProbeInit }, 1);
  const run = kernelRun({ algorithm: 'xsam', ...s, referenceProbeInit, learningRate: 0.1 }, p, undefined, estimator);
  const probe = oracleProbes(p, s);
  const best = Math.max(...alphaGrid(2, 0.1).map(probe));
  return run.scalars.probed === 1 && probe(run.scalars.alpha) >= best - 1e-5 * (1 + Math.abs(best));
}

describe('X5: probe dominance at the probing step (spec/family.md X5)', () => {
  test.prop([conditionedProblemArb(), settings], { numRuns: 40 })('L(θ_0 + ρ_max·v(α*)) ≥ L(θ_0 + ρ_max·v(α_j)) for every grid α_j', (p, s) => {
    expect(probeDominance(p, s)).toBe(true);
  });
  it('catches probing at radius ρ instead of ρ_max', () => {
    expect(findsCounterexample(fc.tuple(conditionedProblemArb(), settings), ([p, s]) => probeDominance(p, s, s.rho))).toBe(true);
  });
});

/** The float64 probe losses of the first step (v_0, v_1, ψ from the oracle). */
function oracleProbes(p: Problem, s: Settings): (alpha: number) => number {
  const o = oracleXsam({ ...options(s), alpha: 1, dynamic: false }, oracleBaseOf(resolveOracleConfig({ algorithm: 'sgd', learningRate: 0.1 })), oracleObjective(p), p.theta0, initialOracleState());
  const f = oracleObjective(p);
  return (alpha) => f.value(plus(p.theta0, times(s.rhoMax, oracleSlerp(o.v0, o.v1, o.psi, alpha))));
}

/** C7: f shifted by −C so that every probe loss is in [−2, −1]; samcheck's −∞ start still picks the argmax. */
const negativeArb = fc.tuple(conditionedProblemArb(), settings).map(([p, s]): [Problem, Settings] => {
  const probe = oracleProbes(p, s);
  return [{ ...p, shift: -1 - Math.max(...alphaGrid(2, 0.1).map(probe)) }, s];
});

describe('C7: probe choice on a negative-valued function', () => {
  test.prop([negativeArb], { numRuns: 25 })('X5 still holds (running maximum starts at −∞)', ([p, s]) => {
    expect(probeDominance(p, s)).toBe(true);
  });
  it('the reference 0-initialised maximum (referenceProbeInit) fails it: it returns α = 0', () => {
    expect(findsCounterexample(negativeArb, ([p, s]) => probeDominance(p, s, s.rhoMax, true), 40)).toBe(true);
    const [p, s] = fc.sample(negativeArb, { numRuns: 1, seed: 3 })[0];
    expect(kernelRun({ algorithm: 'xsam', ...s, referenceProbeInit: true, learningRate: 0.1 }, p).scalars.alpha).toBe(0);
  });
});

/** Ties resolve to the smallest α: loss arrays with a repeated maximum. */
const tiedArb = fc
  .tuple(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 21, maxLength: 21 }), fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 4 }))
  .map(([losses, at]) => {
    const top = Math.max(...losses) + 1;
    return { losses: losses.map((l, j) => (at.includes(j) ? top : l)), first: Math.min(...at) };
  });
type Chooser = (grid: number[], losses: number[]) => number;
const tieHolds = (choose: Chooser, { losses, first }: { losses: number[]; first: number }) => {
  const grid = alphaGrid(2, 0.1);
  return choose(grid, losses) === grid[first];
};
const greaterOrEqual: Chooser = (grid, losses) => grid[losses.reduce((b, l, j) => (l >= losses[b] ? j : b), 0)];

describe('C7: ties select the smallest α', () => {
  test.prop([tiedArb], { numRuns: 100 })('strict > over increasing α', (x) => {
    expect(tieHolds((g, l) => chooseAlpha(g, l, false), x)).toBe(true);
  });
  it("catches '≥' (ties to the largest α)", () => {
    expect(findsCounterexample(tiedArb, (x) => tieHolds(greaterOrEqual, x))).toBe(true);
  });
  it('the default grid has N = 21 points 0, 0.1, …, 2.0', () => {
    const grid = alphaGrid(2, 0.1);
    expect(grid.length).toBe(21);
    expect(grid[20]).toBeCloseTo(2, 12);
  });
});
