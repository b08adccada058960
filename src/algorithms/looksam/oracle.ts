/** spec/variants.md §3 (LookSAM, the paper's Algorithm 1) in float64, written independently of the kernel. */
import { fill } from '../../oracle/defaults.js';
import type { OracleObjective, Vector } from '../../oracle/objective.js';
import { effectiveObjective, sgdUpdate, type OracleBase, type OracleState, type OracleStepResult } from '../../oracle/steps.js';
import { dot, length, minus, plus, times } from '../../oracle/vector.js';
import type { OracleFacet } from '../descriptor.js';
import type { LookSamOwn } from './kernel.js';

/** The stored g_v and the outer iteration travel with the base's state. */
export interface LookSamOracleState extends OracleState {
  gv?: Vector;
  iteration?: number;
}

const LOOKSAM_DEFAULTS: LookSamOwn = { rho: 0.05, k: NaN, alpha: NaN, orthogonalFloor: 0, epsilon: 1e-12 };

export function oracleLookSam(c: LookSamOwn, base: OracleBase, f: OracleObjective, theta0: Vector, state: LookSamOracleState): OracleStepResult {
  const loss = effectiveObjective(base, f);
  const t = state.iteration ?? 0;
  const g = loss.gradient(theta0);
  let applied: Vector;
  let gv = state.gv;
  let delta = theta0.map(() => 0);
  const ascentPoints: Vector[] = [];
  const full = t % c.k === 0 || gv === undefined;
  if (full) {
    // SAM step: g_s = ∇L(w + ρĝ), store g_v = g_s − (g_s·ĝ)ĝ
    const u = times(1 / (length(g) + c.epsilon), g);
    delta = times(c.rho, u);
    ascentPoints.push(plus(theta0, delta));
    applied = loss.gradient(ascentPoints[0]);
    const orthogonal = minus(applied, times(dot(applied, u), u));
    gv = length(orthogonal) > c.orthogonalFloor * length(applied) ? orthogonal : orthogonal.map(() => 0);
  } else {
    // reuse step: g_s = g + α·(‖g‖/‖g_v‖)·g_v, one gradient
    applied = plus(g, times((c.alpha * length(g)) / (length(gv!) + c.epsilon), gv!));
  }
  const next = sgdUpdate(base, theta0, applied, state);
  return { ...next, state: { ...next.state, gv, iteration: t + 1 } as LookSamOracleState, cleanGradient: g, perturbation: delta, ascentPoints, appliedGradient: applied, gradientEvaluations: full ? 2 : 1 };
}

export const lookSamOracle: OracleFacet<LookSamOwn> = {
  resolve: (given) => fill<LookSamOwn>(LOOKSAM_DEFAULTS, given),
  step: (c, base, f, theta0, state) => oracleLookSam(c, base, f, theta0, state),
};
