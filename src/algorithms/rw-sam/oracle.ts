/** spec/algorithms.md §8 (RW-SAM, samcheck definition) in float64. Defaults ρ = 0.05, h = ρ, ε = 1e-12; τ has none. */
import { fill } from '../../oracle/defaults.js';
import type { OracleObjective, Vector } from '../../oracle/objective.js';
import { effectiveObjective, sgdUpdate, type OracleBase, type OracleState, type OracleStepResult } from '../../oracle/steps.js';
import { minus, plus, times, unit } from '../../oracle/vector.js';
import type { OracleFacet } from '../descriptor.js';
import type { RwSamOwn } from './kernel.js';

/** §8 step 3: Gibbs weights with s_max subtracted; τ = ∞ is exactly 1/b. */
export function oracleGibbsWeights(scores: Vector, temperature: number): Vector {
  if (temperature === Infinity) return scores.map(() => 1 / scores.length);
  const sMax = Math.max(...scores);
  const e = scores.map((s) => Math.exp((s - sMax) / temperature));
  const z = e.reduce((a, x) => a + x, 0);
  return e.map((x) => x / z);
}

export interface RwSamOracleResult extends OracleStepResult {
  scores: Vector;
  weights: Vector;
}

/** §8 RW-SAM (samcheck definition), steps 1–6. */
export function oracleRwSam(c: { rho: number; temperature: number; h: number; epsilon: number }, base: OracleBase, f: OracleObjective, theta0: Vector, state: OracleState): RwSamOracleResult {
  const loss = effectiveObjective(base, f);
  // 1. clean pass
  const g = loss.gradient(theta0);
  const u = unit(g, c.epsilon);
  // 2. scores by a forward difference along u
  const b = f.batchSize ?? 1;
  const scores = c.temperature === Infinity ? Array<number>(b).fill(0) : minus(f.perSample!(plus(theta0, times(c.h, u))), f.perSample!(theta0)).map((d) => d / c.h);
  if (scores.some((s) => !Number.isFinite(s))) throw new Error('non-finite RW-SAM score');
  // 3. weights
  const weights = oracleGibbsWeights(scores, c.temperature);
  // 4. weighted perturbation (τ = ∞: Σ (1/b)∇f_i = g)
  const gp = c.temperature === Infinity ? g : effectiveObjective(base, f.weighted!(weights)).gradient(theta0);
  const delta = times(c.rho, unit(gp, c.epsilon));
  // 5. uniform descent gradient
  const applied = loss.gradient(plus(theta0, delta));
  // 6. base step at θ_0
  const next = sgdUpdate(base, theta0, applied, state);
  return { ...next, cleanGradient: g, perturbation: delta, ascentPoints: [plus(theta0, delta)], appliedGradient: applied, gradientEvaluations: c.temperature === Infinity ? 2 : 3, scores, weights };
}

export const rwSamOracle: OracleFacet<RwSamOwn> = {
  resolve: (given) => fill<RwSamOwn>({ temperature: given.temperature as number, rho: 0.05, h: 0.05, epsilon: 1e-12 }, given, (o) => ({ h: o.rho })),
  step: (c, base, f, theta0, state) => oracleRwSam({ ...c, temperature: c.temperature === 'infinity' ? Infinity : c.temperature }, base, f, theta0, state),
};
