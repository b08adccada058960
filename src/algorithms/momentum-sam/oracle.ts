/** spec/variants-b.md §1 (momentum-SAM, the official code's rule) in float64, written independently of the kernel. */
import { fill } from '../../oracle/defaults.js';
import { effectiveObjective, sgdUpdate, type OracleState, type OracleStepResult } from '../../oracle/steps.js';
import type { Vector } from '../../oracle/objective.js';
import { length, plus, times } from '../../oracle/vector.js';
import type { OracleFacet } from '../descriptor.js';
import type { MomentumSamOwn } from './kernel.js';

/** The direction buffer v travels with the base's state (absent: v_0 = 0). */
export interface MomentumSamOracleState extends OracleState {
  direction?: Vector;
}

/** The official defaults: ρ = 0.3, μ = 0.9, ε = 1e-12. */
const MOMENTUM_SAM_DEFAULTS: MomentumSamOwn = { rho: 0.3, beta: 0.9, epsilon: 1e-12 };

export const momentumSamOracle: OracleFacet<MomentumSamOwn> = {
  resolve: (given) => fill(MOMENTUM_SAM_DEFAULTS, given),
  step(c, base, f, theta0, state: MomentumSamOracleState): OracleStepResult & { state: MomentumSamOracleState } {
    const loss = effectiveObjective(base, f);
    const v = state.direction ?? theta0.map(() => 0);
    // 1. perturbation against the buffer: δ = −ρ·v/(‖v‖ + ε); none on the first step (even with ε = 0)
    const delta = state.direction === undefined ? times(0, v) : times(-c.rho / (length(v) + c.epsilon), v);
    // 2. the step's only gradient, at θ_0 + δ
    const point = plus(theta0, delta);
    const g = loss.gradient(point);
    // 3. the buffer is fed the gradient just taken: v ← μ·v + g
    const direction = plus(times(c.beta, v), g);
    // 4. the base step at θ_0
    const next = sgdUpdate(base, theta0, g, state);
    return {
      ...next,
      state: { ...next.state, direction },
      cleanGradient: loss.gradient(theta0),
      perturbation: delta,
      ascentPoints: [point],
      appliedGradient: g,
      gradientEvaluations: 1,
    };
  },
};
