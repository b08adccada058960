/** spec/algorithms.md §7 (m-SAM, n-SAM) and §8 (RW-SAM, samcheck definition) in float64. */
import type { OracleObjective, Vector } from '../objective.js';
import { effectiveObjective, samPerturbation, sgdUpdate, type OracleBase, type OracleState, type OracleStepResult } from '../steps.js';
import { mean, minus, plus, times, unit } from './vector.js';

/** §7 m-SAM: contiguous micro-batches S_j of size m; g = (1/J)·Σ_j ∇L_{S_j}(θ_0 + ρ·ĝ_j). */
export function oracleMSam(c: { m: number; rho: number; epsilon: number }, base: OracleBase, f: OracleObjective, theta0: Vector, state: OracleState): OracleStepResult {
  const b = f.batchSize!;
  const J = b / c.m;
  const cleans: Vector[] = [];
  const finals: Vector[] = [];
  for (let j = 0; j < J; j++) {
    const s = effectiveObjective(base, f.slice!(j * c.m, (j + 1) * c.m));
    const gj = s.gradient(theta0);
    cleans.push(gj);
    finals.push(s.gradient(plus(theta0, samPerturbation(c.epsilon)(gj, theta0, c.rho))));
  }
  const applied = mean(finals);
  const next = sgdUpdate(base, theta0, applied, state);
  return { ...next, cleanGradient: mean(cleans), perturbation: [], ascentPoints: [], appliedGradient: applied, gradientEvaluations: 2 * J };
}

/** §7 n-SAM: δ from ∇L_n(θ_0), descent gradient ∇L_B(θ_0 + δ). */
export function oracleNSam(c: { rho: number; epsilon: number }, base: OracleBase, f: OracleObjective, theta0: Vector, state: OracleState): OracleStepResult {
  const gFull = effectiveObjective(base, f.full!()).gradient(theta0);
  const delta = samPerturbation(c.epsilon)(gFull, theta0, c.rho);
  const applied = effectiveObjective(base, f).gradient(plus(theta0, delta));
  const next = sgdUpdate(base, theta0, applied, state);
  return { ...next, cleanGradient: gFull, perturbation: delta, ascentPoints: [plus(theta0, delta)], appliedGradient: applied, gradientEvaluations: 2 };
}

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
