/** spec/variants-b.md §2 (VaSSO, the official code's rule) in float64, written independently of the kernel. */
import { fill } from '../../oracle/defaults.js';
import { effectiveObjective, sgdUpdate, type OracleState, type OracleStepResult } from '../../oracle/steps.js';
import type { Vector } from '../../oracle/objective.js';
import { length, plus, times } from '../../oracle/vector.js';
import type { OracleFacet } from '../descriptor.js';
import type { VassoOwn } from './kernel.js';

/** The estimate d travels with the base's state (absent before the first step). */
export interface VassoOracleState extends OracleState {
  estimate?: Vector;
}

/** The official defaults: ρ = 0.05 (--rho), θ = 0.9 (--theta), ε = 1e-7 (vasso.py). */
const VASSO_DEFAULTS: VassoOwn = { rho: 0.05, theta: 0.9, epsilon: 1e-7 };

export const vassoOracle: OracleFacet<VassoOwn> = {
  resolve: (given) => fill(VASSO_DEFAULTS, given),
  step(c, base, f, theta0, state: VassoOracleState): OracleStepResult & { state: VassoOracleState } {
    const loss = effectiveObjective(base, f);
    // 1. clean gradient
    const g0 = loss.gradient(theta0);
    // 2. d_1 = g_1; then d_t = (1 − θ)·d_{t−1} + θ·g_t
    const estimate = state.estimate === undefined ? g0 : plus(times(1 - c.theta, state.estimate), times(c.theta, g0));
    // 3. δ = ρ·d/(‖d‖ + ε), the gradient there
    const delta = times(c.rho / (length(estimate) + c.epsilon), estimate);
    const ascentPoint = plus(theta0, delta);
    const gFinal = loss.gradient(ascentPoint);
    // 4. restore θ_0 and take the base step there
    const next = sgdUpdate(base, theta0, gFinal, state);
    return {
      ...next,
      state: { ...next.state, estimate },
      cleanGradient: g0,
      perturbation: delta,
      ascentPoints: [ascentPoint],
      appliedGradient: gFinal,
      gradientEvaluations: 2,
    };
  },
};
