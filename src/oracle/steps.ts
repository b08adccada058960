/**
 * Reference steps in float64, written to mirror spec/algorithms.md line by line.
 * Plain and readable on purpose: they are what the fast tfjs kernels are checked against.
 */
import * as math from 'mathjs';
import type { OracleObjective, Vector } from './objective.js';

export interface OracleBase {
  learningRate: number;
  momentum: number;
  dampening: number;
  nesterov: boolean;
  weightDecay: number;
  weightDecayIn: 'base' | 'loss' | 'decoupled';
  /** A base other than SGD (spec/bases.md): its float64 step, in place of §1's SGD. */
  apply?: (theta0: Vector, grad: Vector, state: OracleState) => { params: Vector; state: OracleState };
}

export interface OracleState {
  /** SGD's momentum buffer, null before the first step. */
  buffer: Vector | null;
  /** Any other base's state (undefined before its first step). */
  base?: unknown;
}

export interface OracleStepResult {
  params: Vector;
  state: OracleState;
  /** Diagnostics: g_0, the total perturbation, the ascent points, the applied gradient. */
  cleanGradient: Vector;
  perturbation: Vector;
  ascentPoints: Vector[];
  appliedGradient: Vector;
  gradientEvaluations: number;
}

const add = (a: Vector, b: Vector): Vector => math.add(a, b) as Vector;
const sub = (a: Vector, b: Vector): Vector => math.subtract(a, b) as Vector;
const times = (s: number, a: Vector): Vector => math.multiply(s, a) as Vector;
export const norm = (a: Vector): number => Number(math.norm(a, 2));

/** spec/algorithms.md §1: torch.optim.SGD with coupled weight decay at θ_0 (or decoupled, spec/bases.md §0); any other base through `apply`. */
export function sgdUpdate(base: OracleBase, theta0: Vector, grad: Vector, state: OracleState): { params: Vector; state: OracleState } {
  if (base.apply) return base.apply(theta0, grad, state);
  const wd = base.weightDecayIn === 'base' ? base.weightDecay : 0;
  // 1. weight decay: coupled (d = g + λθ_0), or decoupled (θ ← θ_0·(1 − η·λ), the step then from θ)
  let d = wd !== 0 ? add(grad, times(wd, theta0)) : grad;
  if (base.weightDecayIn === 'decoupled' && base.weightDecay !== 0) theta0 = times(1 - base.learningRate * base.weightDecay, theta0);
  // 2. momentum: buf = d on the first step (no dampening), then β·buf + (1 − dampening)·d
  let buffer: Vector | null = null;
  if (base.momentum !== 0) {
    buffer = state.buffer === null ? d : add(times(base.momentum, state.buffer), times(1 - base.dampening, d));
    d = base.nesterov ? add(d, times(base.momentum, buffer)) : buffer;
  }
  // 3. step
  return { params: sub(theta0, times(base.learningRate, d)), state: { buffer } };
}

/** The objective every pass sees: with weightDecayIn = 'loss', L + wd/2·‖θ‖² (google-research/sam). */
export function effectiveObjective(base: OracleBase, f: OracleObjective): OracleObjective {
  if (base.weightDecayIn !== 'loss' || base.weightDecay === 0) return f;
  const wd = base.weightDecay;
  return { ...f, value: (x) => f.value(x) + (wd / 2) * norm(x) ** 2, gradient: (x) => add(f.gradient(x), times(wd, x)) };
}

/** A perturbation rule: the ascent offset of radius ρ from the gradient g at θ. */
export type OraclePerturbation = (g: Vector, theta: Vector, rho: number) => Vector;

/** §2 SAM: δ = ρ·g/(‖g‖ + ε). */
export const samPerturbation = (epsilon: number): OraclePerturbation => (g, _theta, rho) => times(rho / (norm(g) + epsilon), g);

/** §3 USAM: δ = ρ·g. */
export const usamPerturbation = (): OraclePerturbation => (g, _theta, rho) => times(rho, g);

/**
 * §4 ASAM: t_j = |θ_j| + η_T where coordinate j belongs to an adaptive tensor, else 1;
 * δ = ρ·t²⊙g/(‖t⊙g‖ + ε).
 */
export const asamPerturbation =
  (etaT: number, epsilon: number, adaptiveCoordinate: boolean[]): OraclePerturbation =>
  (g, theta, rho) => {
    const t = theta.map((x, j) => (adaptiveCoordinate[j] ? Math.abs(x) + etaT : 1));
    const tg = g.map((x, j) => t[j] * x);
    const n = norm(tg) + epsilon;
    return tg.map((x, j) => (rho * t[j] * x) / n);
  };

/** SGD: apply g_0 (1 gradient evaluation). */
export function oracleSgdStep(base: OracleBase, f: OracleObjective, theta0: Vector, state: OracleState): OracleStepResult {
  const g0 = effectiveObjective(base, f).gradient(theta0);
  const next = sgdUpdate(base, theta0, g0, state);
  return { ...next, cleanGradient: g0, perturbation: theta0.map(() => 0), ascentPoints: [], appliedGradient: g0, gradientEvaluations: 1 };
}

/** SAM, USAM, ASAM (§2–§4): one ascent step, then the gradient there applied at θ_0 (2 evaluations). */
export function oracleAscentStep(
  base: OracleBase,
  rule: OraclePerturbation,
  rho: number,
  f: OracleObjective,
  theta0: Vector,
  state: OracleState,
): OracleStepResult {
  const loss = effectiveObjective(base, f);
  // 1. clean gradient
  const g0 = loss.gradient(theta0);
  // 2. perturbation
  const delta = rule(g0, theta0, rho);
  // 3. gradient at the ascent point
  const ascentPoint = add(theta0, delta);
  const gSam = loss.gradient(ascentPoint);
  // 4. restore θ_0 and take the base step there
  const next = sgdUpdate(base, theta0, gSam, state);
  return { ...next, cleanGradient: g0, perturbation: delta, ascentPoints: [ascentPoint], appliedGradient: gSam, gradientEvaluations: 2 };
}
