/** spec/variants.md §2 (WSAM, dlrover atorch wsam.py) in float64, written independently of the kernel. */
import { fill } from '../../oracle/defaults.js';
import type { OracleObjective, Vector } from '../../oracle/objective.js';
import { effectiveObjective, sgdUpdate, type OracleBase, type OracleState, type OracleStepResult } from '../../oracle/steps.js';
import { length, minus, plus, times } from '../../oracle/vector.js';
import type { OracleFacet } from '../descriptor.js';
import type { WsamOwn } from './kernel.js';

const WSAM_DEFAULTS: WsamOwn = { rho: 0.05, gamma: 0.88, decouple: true, maxNorm: 1, adaptive: false, epsilon: 1e-12 };

/** clip_grad_norm_(max_norm): coefficient max_norm/(‖g‖ + 1e-6), applied only when below 1. */
const clip = (g: Vector, maxNorm: number | null): Vector => {
  if (maxNorm === null) return g;
  const coef = maxNorm / (length(g) + 1e-6);
  return coef < 1 ? times(coef, g) : g;
};

export function oracleWsam(c: WsamOwn, base: OracleBase, f: OracleObjective, theta0: Vector, state: OracleState): OracleStepResult {
  const loss = effectiveObjective(base, f);
  const alpha = c.gamma / (1 - c.gamma);
  // 1. clean gradient; 2. ε from the unclipped g
  const raw = loss.gradient(theta0);
  const n = c.adaptive ? length(raw.map((x, j) => Math.abs(theta0[j]) * x)) : length(raw);
  const delta = raw.map((x, j) => (c.rho * (c.adaptive ? theta0[j] ** 2 : 1) * x) / (n + c.epsilon));
  // 3. g_p at w + ε; both gradients clipped
  const ascentPoint = plus(theta0, delta);
  const gp = clip(loss.gradient(ascentPoint), c.maxNorm);
  const g = clip(raw, c.maxNorm);
  // 4. coupled: one base step with α·g_p + (1 − α)·g; decoupled: base step with g, then −η·α·(g_p − g)
  const applied = c.decouple ? g : plus(times(alpha, gp), times(1 - alpha, g));
  const next = sgdUpdate(base, theta0, applied, state);
  const params = c.decouple ? minus(next.params, times(base.learningRate * alpha, minus(gp, g))) : next.params;
  return { params, state: next.state, cleanGradient: raw, perturbation: delta, ascentPoints: [ascentPoint], appliedGradient: applied, gradientEvaluations: 2 };
}

export const wsamOracle: OracleFacet<WsamOwn> = {
  resolve: (given) => fill<WsamOwn>(WSAM_DEFAULTS, given),
  step: (c, base, f, theta0, state) => oracleWsam(c, base, f, theta0, state),
};
