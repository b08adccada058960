/** spec/algorithms.md §7 (n-SAM) in float64. Defaults ρ = 0.05, ε = 1e-12. */
import { fill } from '../../oracle/defaults.js';
import type { OracleObjective, Vector } from '../../oracle/objective.js';
import { effectiveObjective, samPerturbation, sgdUpdate, type OracleBase, type OracleState, type OracleStepResult } from '../../oracle/steps.js';
import { plus } from '../../oracle/vector.js';
import type { OracleFacet } from '../descriptor.js';
import type { NSamOwn } from './kernel.js';

/** §7 n-SAM: δ from ∇L_n(θ_0), descent gradient ∇L_B(θ_0 + δ). */
export function oracleNSam(c: { rho: number; epsilon: number }, base: OracleBase, f: OracleObjective, theta0: Vector, state: OracleState): OracleStepResult {
  const gFull = effectiveObjective(base, f.full!()).gradient(theta0);
  const delta = samPerturbation(c.epsilon)(gFull, theta0, c.rho);
  const applied = effectiveObjective(base, f).gradient(plus(theta0, delta));
  const next = sgdUpdate(base, theta0, applied, state);
  return { ...next, cleanGradient: gFull, perturbation: delta, ascentPoints: [plus(theta0, delta)], appliedGradient: applied, gradientEvaluations: 2 };
}

export const nSamOracle: OracleFacet<NSamOwn> = {
  resolve: (given) => fill<NSamOwn>({ rho: 0.05, epsilon: 1e-12 }, given),
  step: (c, base, f, theta0, state) => oracleNSam(c, base, f, theta0, state),
};
