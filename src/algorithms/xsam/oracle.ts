/** spec/algorithms.md §6 (XSAM, the official code's rule) in float64, written independently of the kernel. */
import { oracleAscent } from '../../oracle/ascent.js';
import { fill } from '../../oracle/defaults.js';
import type { OracleObjective, Vector } from '../../oracle/objective.js';
import { effectiveObjective, sgdUpdate, type OracleBase, type OracleState, type OracleStepResult } from '../../oracle/steps.js';
import { angle, length, plus, times, unit } from '../../oracle/vector.js';
import type { OracleFacet } from '../descriptor.js';
import type { XsamOwn } from './kernel.js';

/** The hyperparameters of spec/algorithms.md §6 (the same keys as the kernel's; the defaults below are the oracle's own). */
export type XsamOracleConfig = XsamOwn;

/** The α in force and the outer iteration count travel with the momentum buffer. */
export interface XsamOracleState extends OracleState {
  alpha?: number;
  iteration?: number;
}

export interface XsamOracleResult extends OracleStepResult {
  state: XsamOracleState;
  v0: Vector;
  v1: Vector;
  psi: number;
  alpha: number;
  probed: boolean;
  /** Probe losses in grid order (empty when not probing). */
  probeLosses: number[];
}

/** Step 7: u = (v_0 + v_1)/2 if sin ψ < 1e-8, else [sin((1−α)ψ)·v_0 + sin(αψ)·v_1]/sin ψ. */
export function oracleSlerp(v0: Vector, v1: Vector, psi: number, alpha: number): Vector {
  if (!(Math.sin(psi) >= 1e-8)) {
    if (Number.isNaN(psi)) return v0.map(() => NaN);
    return times(0.5, plus(v0, v1));
  }
  return plus(times(Math.sin((1 - alpha) * psi) / Math.sin(psi), v0), times(Math.sin(alpha * psi) / Math.sin(psi), v1));
}

export function oracleXsam(c: XsamOracleConfig, base: OracleBase, f: OracleObjective, theta0: Vector, state: XsamOracleState): XsamOracleResult {
  const loss = effectiveObjective(base, f);
  const iteration = state.iteration ?? 0;
  // 2–3. fixed-path ascent, g_k, scale = ‖g_k‖ (no guard)
  const path = oracleAscent(loss, theta0, c.rho, c.steps, c.epsilon, 'fixed-path');
  const gk = path.gradients[c.steps - 1];
  // 4. directions
  const v0 = unit(path.delta, c.epsilon);
  const v1 = unit(gk, c.epsilon);
  // 5. angle
  const psi = c.angle === 'atan2' ? angle(v0, v1) : Math.acos(v0.reduce((s, x, i) => s + x * v1[i], 0));
  // 6. choose α on the probe schedule
  let alpha = state.alpha ?? c.alpha;
  const probed = c.dynamic && iteration % c.probeInterval === 0;
  const probeLosses: number[] = [];
  if (probed) {
    const n = Math.ceil((c.alphaMax + 1e-5) / c.alphaDelta);
    let best = c.referenceProbeInit ? 0 : -Infinity;
    alpha = 0;
    for (let j = 0; j < n; j++) {
      const a = j * c.alphaDelta;
      const value = loss.value(plus(theta0, times(c.rhoMax, oracleSlerp(v0, v1, psi, a))));
      probeLosses.push(value);
      if (value > best) {
        best = value;
        alpha = a;
      }
    }
  }
  // 7. update direction, scaled by ‖g_k‖
  const applied = times(length(gk), oracleSlerp(v0, v1, psi, alpha));
  // 8. restore θ_0 and take the SGD step
  const next = sgdUpdate(base, theta0, applied, state);
  return {
    ...next,
    state: { ...next.state, alpha, iteration: iteration + 1 },
    cleanGradient: path.g0,
    perturbation: path.delta,
    ascentPoints: path.points,
    appliedGradient: applied,
    gradientEvaluations: c.steps + 1,
    v0,
    v1,
    psi,
    alpha,
    probed,
    probeLosses,
  };
}

/** The official code's defaults (spec/algorithms.md §6). */
const XSAM_DEFAULTS: XsamOracleConfig = {
  rho: 0.15,
  steps: 1,
  rhoMax: 0.3,
  alpha: 1,
  dynamic: true,
  alphaMax: 2,
  alphaDelta: 0.1,
  probeInterval: 1,
  referenceProbeInit: false,
  angle: 'atan2',
  epsilon: 1e-12,
};

export const xsamOracle: OracleFacet<XsamOwn> = {
  resolve: (given) => fill<XsamOwn>(XSAM_DEFAULTS, given),
  step: (c, base, f, theta0, state) => oracleXsam(c, base, f, theta0, state),
};
