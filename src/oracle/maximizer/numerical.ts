/**
 * A numerical maximiser of L over the ball ‖δ‖ ≤ r around θ_0, for functions without a closed
 * form, with a certificate: projected gradient ascent (spectral/Barzilai–Borwein steps with an
 * Armijo backtrack) from many seeded starts, the best end point's KKT residual, and how many
 * starts reached the same value. It is a certificate of local optimality plus multi-start
 * evidence, not a proof of global optimality (which non-convex problems do not admit cheaply).
 */
import type { OracleObjective, Vector } from '../objective.js';
import { dot, length, minus, plus, times } from '../vector.js';
import { createRandom, type Random } from '../../data/random.js';
import { InvalidArgumentError, NonFiniteError } from '../../errors.js';

export interface NumericalMaximizerOptions {
  /** Random starts besides r·ĝ_0, −r·ĝ_0 and 0 (default 12). */
  starts?: number;
  seed?: number;
  maxIterations?: number;
  /** Stop when a step moves less than tolerance·r (default 1e-13). */
  tolerance?: number;
}

export interface NumericalMaximizer {
  delta: Vector;
  /** L(θ_0 + δ) − L(θ_0). */
  gain: number;
  /** μ = ∇Lᵀδ/r² on the sphere, 0 inside. */
  mu: number;
  /** KKT residual relative to ‖∇L(θ_0 + δ)‖ + ‖g_0‖: tangential gradient (+ a negative μ) on the sphere, ‖∇L‖ inside. */
  kktResidual: number;
  /** Starts run, and how many ended within 1e-9 (relative) of the best gain. */
  starts: number;
  agreeing: number;
}

export const projectOntoBall = (x: Vector, r: number): Vector => {
  const n = length(x);
  return n > r ? times(r / n, x) : x;
};

/** A point uniform on the sphere of radius r (scale = 1) or inside the ball (scale = u^(1/d)). */
export function randomInBall(random: Random, d: number, r: number, onSphere: boolean): Vector {
  const z = Array.from({ length: d }, () => random.normal());
  const s = onSphere ? 1 : random.uniform() ** (1 / d);
  return times((r * s) / length(z), z);
}

/** Backtracking halvings per iteration: from the longest step to 2⁻⁶⁰ of it. */
const MAX_HALVINGS = 60;

/**
 * Projected ascent from one start. The step never exceeds 2r/‖∇L‖·2¹⁰ (any longer step projects
 * to nearly the same point), so it stays finite and the backtrack ends: an unbounded BB/long step
 * on a near-hard case used to turn the trial point NaN and halve an infinite step forever.
 */
function ascend(f: OracleObjective, theta0: Vector, r: number, start: Vector, maxIterations: number, tolerance: number): Vector {
  let x = projectOntoBall(start, r);
  let value = f.value(plus(theta0, x));
  let grad = f.gradient(plus(theta0, x));
  const longest = () => (1024 * 2 * r) / (length(grad) || 1);
  let step = r / (length(grad) || 1);
  for (let it = 0; it < maxIterations; it++) {
    step = Math.min(step, longest());
    let trial = projectOntoBall(plus(x, times(step, grad)), r);
    let trialValue = f.value(plus(theta0, trial));
    // Armijo for ascent: accept when the gain is at least 1e-4 of the linear prediction.
    for (let h = 0; h < MAX_HALVINGS && !(trialValue >= value + 1e-4 * dot(grad, minus(trial, x))); h++) {
      step /= 2;
      trial = projectOntoBall(plus(x, times(step, grad)), r);
      trialValue = f.value(plus(theta0, trial));
    }
    const s = minus(trial, x);
    if (length(s) <= tolerance * r || !(trialValue >= value)) break;
    const trialGrad = f.gradient(plus(theta0, trial));
    if (!trialGrad.every(Number.isFinite)) break;
    const curvature = -dot(s, minus(trialGrad, grad));
    // BB step for the concave direction; where −L is locally non-convex, take a long step instead.
    step = curvature > 0 ? dot(s, s) / curvature : 10 * step;
    x = trial;
    value = trialValue;
    grad = trialGrad;
  }
  return x;
}

/** Relative KKT residual of δ for max L(θ_0 + δ) s.t. ‖δ‖ ≤ r, and the multiplier μ. */
export function ballKkt(f: OracleObjective, theta0: Vector, r: number, delta: Vector): { kktResidual: number; mu: number } {
  const grad = f.gradient(plus(theta0, delta));
  const scale = length(grad) + length(f.gradient(theta0)) || 1;
  if (length(delta) < r * (1 - 1e-9)) return { kktResidual: length(grad) / scale, mu: 0 };
  const mu = dot(grad, delta) / (r * r);
  return { kktResidual: (length(minus(grad, times(mu, delta))) + Math.max(0, -mu) * r) / scale, mu };
}

export function numericalBallMaximizer(f: OracleObjective, theta0: Vector, r: number, options: NumericalMaximizerOptions = {}): NumericalMaximizer {
  if (!(r > 0) || !Number.isFinite(r)) throw new InvalidArgumentError('radius', r, 'a finite number > 0', 'INVALID_ARGUMENT');
  if (!theta0.every(Number.isFinite)) throw new NonFiniteError('theta0', theta0, 'in the centre of the ball');
  const random = createRandom(options.seed ?? 0);
  const d = theta0.length;
  const g0 = f.gradient(theta0);
  const f0 = f.value(theta0);
  if (!Number.isFinite(f0)) throw new NonFiniteError('L(theta0)', f0, 'at the centre of the ball');
  if (!g0.every(Number.isFinite)) throw new NonFiniteError('gradient(theta0)', g0, 'at the centre of the ball');
  const g0Norm = length(g0);
  const starts: Vector[] = [theta0.map(() => 0)];
  if (g0Norm > 0) starts.push(times(r / g0Norm, g0), times(-r / g0Norm, g0));
  for (let i = 0; i < (options.starts ?? 12); i++) starts.push(randomInBall(random, d, r, i % 2 === 0));
  const ends = starts.map((s) => ascend(f, theta0, r, s, options.maxIterations ?? 2000, options.tolerance ?? 1e-13));
  const gains = ends.map((e) => f.value(plus(theta0, e)) - f0);
  // A start that began where L is non-finite ends there; the rest decide (the centre always is finite).
  const best = gains.reduce((b, v, i) => (Number.isFinite(v) && (b < 0 || v > gains[b]) ? i : b), -1);
  if (best < 0) throw new NonFiniteError('gain', gains, 'at every end point of the ascent');
  const agreeing = gains.filter((v) => Math.abs(v - gains[best]) <= 1e-9 * Math.max(Math.abs(gains[best]), 1e-300)).length;
  return { delta: ends[best], gain: gains[best], ...ballKkt(f, theta0, r, ends[best]), starts: starts.length, agreeing };
}

/** The largest gain among n seeded samples of the ball (half on the sphere): none may beat a maximiser. */
export function bestSampledGain(f: OracleObjective, theta0: Vector, r: number, n: number, seed: number): number {
  const random = createRandom(seed);
  const f0 = f.value(theta0);
  let best = -Infinity;
  for (let i = 0; i < n; i++) best = Math.max(best, f.value(plus(theta0, randomInBall(random, theta0.length, r, i % 2 === 0))) - f0);
  return best;
}
