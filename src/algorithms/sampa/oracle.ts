/** spec/variants-b.md §3 (SAMPa, the official code's rule) in float64, written independently of the kernel. */
import { fill } from '../../oracle/defaults.js';
import { effectiveObjective, sgdUpdate, type OracleState, type OracleStepResult } from '../../oracle/steps.js';
import type { Vector } from '../../oracle/objective.js';
import { length, plus, times } from '../../oracle/vector.js';
import type { OracleFacet } from '../descriptor.js';
import type { SampaOwn } from './kernel.js';

/** ∇f(y_t) (absent: 0) and the lookahead's heavy-ball buffer (absent before the first step) travel with the base's state. */
export interface SampaOracleState extends OracleState {
  yGradient?: Vector;
  lookaheadBuffer?: Vector;
}

/** train.py's defaults: ρ = 0.1 (--rho), λ = 0.2 (--og), ε = 1e-12; the paper's lookahead (no momentum, no decay). */
const SAMPA_DEFAULTS: Omit<SampaOwn, 'lookaheadRate'> = { rho: 0.1, lambda: 0.2, lookaheadMomentum: 0, lookaheadWeightDecay: 0, epsilon: 1e-12 };

export const sampaOracle: OracleFacet<SampaOwn> = {
  resolve: (given) => fill({ ...SAMPA_DEFAULTS, lookaheadRate: given.lookaheadRate } as SampaOwn, given),
  step(c, base, f, x, state: SampaOracleState): OracleStepResult & { state: SampaOracleState } {
    const loss = effectiveObjective(base, f);
    const gy = state.yGradient ?? x.map(() => 0);
    // 1. x̃ = x + ρ·∇f(y)/(‖∇f(y)‖ + ε)
    const delta = state.yGradient === undefined ? times(0, gy) : times(c.rho / (length(gy) + c.epsilon), gy);
    const perturbed = plus(x, delta);
    // 2. y′ = x − η·(∇f(y) + λ_y·x + μ·b), the bracket once b exists and μ > 0
    const b = state.lookaheadBuffer;
    const step = c.lookaheadMomentum > 0 && b !== undefined ? plus(gy, plus(times(c.lookaheadWeightDecay, x), times(c.lookaheadMomentum, b))) : gy;
    const lookahead = plus(x, times(-c.lookaheadRate, step));
    // 3. the two gradients (independent of each other: parallel in the official code)
    const gPerturbed = loss.gradient(perturbed);
    const gLookahead = loss.gradient(lookahead);
    const applied = plus(times(1 - c.lambda, gPerturbed), times(c.lambda, gLookahead));
    // 4. the lookahead's copy of torch SGD's buffer: b ← μ·b + (applied + λ_y·x), b_1 = applied + λ_y·x
    const d = plus(applied, times(c.lookaheadWeightDecay, x));
    const lookaheadBuffer = c.lookaheadMomentum > 0 ? (b === undefined ? d : plus(times(c.lookaheadMomentum, b), d)) : undefined;
    const next = sgdUpdate(base, x, applied, state);
    return {
      ...next,
      state: { ...next.state, yGradient: gLookahead, ...(lookaheadBuffer ? { lookaheadBuffer } : {}) },
      cleanGradient: loss.gradient(x),
      perturbation: delta,
      ascentPoints: [perturbed, lookahead],
      appliedGradient: applied,
      gradientEvaluations: 2,
    };
  },
};
