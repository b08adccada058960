/**
 * The float32-kernel vs float64-oracle tolerance policy of spec/tolerances.md (T1–T3).
 * Every quantity is computed in float64 from the oracle; only norms are used.
 */
import type { OracleStepResult } from '../../src/oracle/steps.js';
import type { Vector } from '../../src/oracle/objective.js';

/** float32 unit roundoff 2⁻²⁴. */
export const U32 = 2 ** -24;
/** Safety factor K of T1 (calibrated in spec/tolerances.md). */
export const K_STEP = 8;

export const norm = (v: ArrayLike<number>): number => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));
export const distance = (a: ArrayLike<number>, b: ArrayLike<number>): number => norm(Array.from(a, (x, i) => x - b[i]));
const frobenius = (h: number[][]): number => Math.sqrt(h.reduce((s, row) => s + row.reduce((r, x) => r + x * x, 0), 0));

/** What the policy needs of a test function: float64 gradient and Hessian. */
export interface Differentiable {
  gradient(x: Vector): Vector;
  hessian(x: Vector): number[][];
}

/** Γ(x) = ‖g(x)‖ + ‖H(x)‖_F·(‖x‖ + 1): the scale of the rounding error of a float32 gradient at x (T1). */
export function gradientScale(f: Differentiable, x: Vector): { gamma: number; lambda: number } {
  const lambda = frobenius(f.hessian(x));
  return { gamma: norm(f.gradient(x)) + lambda * (norm(x) + 1), lambda };
}

export interface StepTerms {
  learningRate: number;
  momentum: number;
  weightDecay: number;
  /** J = ‖∂δ/∂g‖: how much the ascent rule amplifies a gradient error (0 for SGD or ρ = 0). */
  sensitivity: number;
  /** Number of steps taken so far including this one (errors in the momentum buffer carry over). */
  stepIndex: number;
}

/** a·b with 0·∞ := 0 (a zero factor is an exact zero of the error model). */
const times = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : a * b);

/**
 * T1: ‖θ₁(kernel) − θ₁(oracle)‖ ≤ K·u·[‖θ₀‖ + η·((1 + β)·E_g + ‖d‖ + wd‖θ₀‖ + β‖buf‖)]·t,
 * E_g = Γ(θ₀ + δ) + λ₁·(‖θ₀‖ + (d + 4)·‖δ‖ + J·Γ(θ₀)).
 */
export function stepTolerance(f: Differentiable, theta0: Vector, o: OracleStepResult, terms: StepTerms): number {
  const ascent = o.ascentPoints.at(-1) ?? theta0;
  const clean = gradientScale(f, theta0);
  const atAscent = gradientScale(f, ascent);
  const dim = theta0.length;
  const delta = norm(o.perturbation);
  // J may be ∞ (‖t⊙g₀‖ = 0); Γ(θ₀) = 0 means an exact float32 clean gradient (nothing to turn) and
  // λ(θ₀ + δ) = 0 a constant gradient (a δ error changes nothing): 0·∞ := 0 in both products.
  const turned = times(terms.sensitivity, clean.gamma);
  const eg = atAscent.gamma + times(atAscent.lambda, norm(theta0) + (dim + 4) * delta + turned);
  const buffer = o.state.buffer === null ? 0 : norm(o.state.buffer);
  const applied = norm(o.appliedGradient);
  const inner = (1 + terms.momentum) * eg + applied + terms.weightDecay * norm(theta0) + terms.momentum * buffer;
  return K_STEP * U32 * (norm(theta0) + terms.learningRate * inner) * terms.stepIndex;
}

/** J = ‖∂δ/∂g‖ for SAM (ρ/‖g‖), USAM (ρ), ASAM (ρ·max t²/‖t⊙g‖), SGD (0). */
export function sensitivity(config: { algorithm: string; rho?: number; etaT?: number }, theta0: Vector, g0: Vector, adaptive: boolean[]): number {
  const rho = config.rho ?? 0;
  if (config.algorithm === 'sgd' || rho === 0) return 0;
  if (config.algorithm === 'usam') return rho;
  const t = theta0.map((x, j) => (config.algorithm === 'asam' && adaptive[j] ? Math.abs(x) + (config.etaT ?? 0) : 1));
  const tg = norm(g0.map((g, j) => t[j] * g));
  const numerator = rho * Math.max(...t) ** 2;
  return numerator === 0 ? 0 : numerator / tg; // every t_j = 0: δ ≡ 0 whatever g is
}
