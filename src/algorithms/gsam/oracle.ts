/** spec/variants.md §1 (GSAM, big_vision gsam.py by default) in float64, written independently of the kernel. */
import { fill } from '../../oracle/defaults.js';
import type { OracleObjective, Vector } from '../../oracle/objective.js';
import { effectiveObjective, sgdUpdate, type OracleBase, type OracleState, type OracleStepResult } from '../../oracle/steps.js';
import { dot, length, minus, plus, times } from '../../oracle/vector.js';
import type { OracleFacet } from '../descriptor.js';
import type { GsamOwn } from './kernel.js';

/** The spec's defaults (α has none: the minimal config gives it). */
const GSAM_DEFAULTS: GsamOwn = { rho: 0.05, rhoMin: NaN, alpha: NaN, lrMax: 0, lrMin: 0, lrNow: 0, decompose: 'perturbed', adaptive: 'none', epsilon: 1e-12 };

export function oracleGsam(c: GsamOwn, base: OracleBase, f: OracleObjective, theta0: Vector, state: OracleState): OracleStepResult {
  const loss = effectiveObjective(base, f);
  // 1. clean gradient
  const g = loss.gradient(theta0);
  // 2. ρ_t from the learning-rate schedule
  const rhoT = c.lrMax > c.lrMin ? c.rhoMin + ((c.rho - c.rhoMin) * (c.lrNow - c.lrMin)) / (c.lrMax - c.lrMin) : c.rho;
  // 3. perturbation
  let delta: Vector;
  if (c.adaptive === 'pytorch') {
    const n = length(g.map((x, j) => Math.abs(theta0[j]) * x));
    delta = g.map((x, j) => (rhoT * theta0[j] * theta0[j] * x) / (n + c.epsilon));
  } else {
    const n = length(g);
    delta = g.map((x, j) => ((c.adaptive === 'big_vision' ? Math.abs(theta0[j]) : 1) * rhoT * x) / (n + c.epsilon));
  }
  // 4. gradient at the perturbed point
  const ascentPoint = plus(theta0, delta);
  const gp = loss.gradient(ascentPoint);
  // 5. decomposition
  let applied: Vector;
  if (c.decompose === 'perturbed') {
    const u = times(1 / (length(gp) + c.epsilon), gp);
    const vertical = minus(g, times(dot(g, u), u));
    applied = minus(gp, times(c.alpha, vertical));
  } else {
    const u = times(1 / (length(g) + c.epsilon), g);
    const vertical = minus(gp, times(dot(gp, u), u));
    applied = plus(g, times(c.alpha, vertical));
  }
  // 6. restore θ_0, base step
  const next = sgdUpdate(base, theta0, applied, state);
  return { ...next, cleanGradient: g, perturbation: delta, ascentPoints: [ascentPoint], appliedGradient: applied, gradientEvaluations: 2 };
}

export const gsamOracle: OracleFacet<GsamOwn> = {
  resolve: (given) => fill<GsamOwn>(GSAM_DEFAULTS, given, (o) => ({ rhoMin: o.rho })),
  step: (c, base, f, theta0, state) => oracleGsam(c, base, f, theta0, state),
};
