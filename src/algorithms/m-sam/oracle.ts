/** spec/algorithms.md §7 (m-SAM) in float64. Defaults ρ = 0.05, ε = 1e-12; m has none. */
import { fill } from '../../oracle/defaults.js';
import type { OracleObjective, Vector } from '../../oracle/objective.js';
import { effectiveObjective, samPerturbation, sgdUpdate, type OracleBase, type OracleState, type OracleStepResult } from '../../oracle/steps.js';
import { mean, plus } from '../../oracle/vector.js';
import type { OracleFacet } from '../descriptor.js';
import type { MSamOwn } from './kernel.js';

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

export const mSamOracle: OracleFacet<MSamOwn> = {
  resolve: (given) => fill<MSamOwn>({ m: given.m as number, rho: 0.05, epsilon: 1e-12 }, given),
  step: (c, base, f, theta0, state) => oracleMSam(c, base, f, theta0, state),
};
