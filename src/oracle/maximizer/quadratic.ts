/**
 * The exact maximiser of a quadratic model over a ball (properties.md, "Oracle for d*"):
 *   max_{‖δ‖ ≤ r}  gᵀδ + ½δᵀHδ.
 * KKT: (μI − H)δ = g with μ ≥ max(λ_max, 0) and μ(r − ‖δ‖) = 0, so δ = (μI − H)⁻¹g.
 * Solved in the eigenbasis with μ = λ_max + γ, bisecting on log γ: μ − λ_i is formed as
 * (λ_max − λ_i) + γ, which keeps every digit of a tiny γ (large κ), unlike a linear bisection on μ.
 */
import type { Eigen } from '../functions/types.js';
import type { Vector } from '../objective.js';
import { eigenCoordinates, fromEigenCoordinates } from '../claims/quadratic.js';
import { InvalidArgumentError, NonFiniteError } from '../../errors.js';

/** 'boundary': ‖δ‖ = r, μ > λ_max. 'interior': concave model whose stationary point lies inside (μ = 0). 'hard': g ⊥ top eigenspace, μ = λ_max. */
export type BallMaximizerKind = 'boundary' | 'interior' | 'hard';

export interface BallMaximizer {
  /** δ*, in the original coordinates. */
  delta: Vector;
  /** The multiplier μ (∇ at the maximiser = μδ*). */
  mu: number;
  kind: BallMaximizerKind;
  /** gᵀδ* + ½δ*ᵀHδ* = L(θ_0 + δ*) − L(θ_0). */
  gain: number;
  /** ‖g + Hδ* − μδ*‖ / (‖g‖ + |μ|·r): 0 up to rounding. */
  kktResidual: number;
  /** ‖P_top g‖/‖g‖: callers exclude negligible values (the formula's hard case, properties.md). */
  topComponent: number;
}

const GAMMA_MIN = 1e-300;

export function quadraticBallMaximizer(eigen: Eigen, g: Vector, radius: number): BallMaximizer {
  if (!(radius > 0) || !Number.isFinite(radius)) throw new InvalidArgumentError('radius', radius, 'a finite number > 0', 'INVALID_ARGUMENT');
  if (!g.every(Number.isFinite)) throw new NonFiniteError('g', g, 'in the quadratic model');
  if (!eigen.values.every(Number.isFinite)) throw new NonFiniteError('eigen.values', eigen.values, 'in the quadratic model');
  const lambda = eigen.values;
  const c = eigenCoordinates(eigen, g);
  const lambdaMax = Math.max(...lambda);
  const gapOf = lambda.map((l) => lambdaMax - l);
  const gNorm = Math.hypot(...c);
  const top = lambda.map((_, i) => gapOf[i] <= 1e-14 * Math.max(1, Math.abs(lambdaMax)));
  const topComponent = gNorm === 0 ? 0 : Math.hypot(...c.filter((_, i) => top[i])) / gNorm;
  const coordinatesAt = (gamma: number): Vector => c.map((ci, i) => ci / (gapOf[i] + gamma));
  const finish = (y: Vector, mu: number, kind: BallMaximizerKind): BallMaximizer => {
    const residual = Math.hypot(...y.map((yi, i) => c[i] + (lambda[i] - mu) * yi));
    const gain = y.reduce((s, yi, i) => s + c[i] * yi + 0.5 * lambda[i] * yi * yi, 0);
    return { delta: fromEigenCoordinates(eigen, y), mu, kind, gain, kktResidual: residual / (gNorm + Math.abs(mu) * radius || 1), topComponent };
  };

  // Concave model: the stationary point −H⁻¹g is the maximiser when it lies in the ball (μ = 0).
  if (lambdaMax < 0) {
    const y = coordinatesAt(-lambdaMax);
    if (Math.hypot(...y) <= radius) return finish(y, 0, 'interior');
  }
  // Hard case: even μ → λ_max⁺ leaves ‖δ‖ < r; the rest of the sphere is filled along the top eigenvector.
  const rest = c.map((ci, i) => (top[i] ? 0 : ci / gapOf[i]));
  if (lambdaMax >= 0 && Math.hypot(...coordinatesAt(GAMMA_MIN)) < radius) {
    const fill = Math.sqrt(Math.max(0, radius * radius - rest.reduce((s, v) => s + v * v, 0)));
    const first = top.indexOf(true);
    const y = rest.map((v, i) => (i === first ? (c[i] < 0 ? -fill : fill) : v));
    return finish(y, lambdaMax, 'hard');
  }
  // φ(γ) = ‖δ(λ_max + γ)‖ decreases in γ; φ(‖g‖/r) ≤ r because every μ − λ_i ≥ γ.
  let lo = Math.log(GAMMA_MIN);
  let hi = Math.log(gNorm / radius + 1);
  while (hi - lo > 1e-15 * Math.max(1, Math.abs(hi), Math.abs(lo))) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (Math.hypot(...coordinatesAt(Math.exp(mid))) > radius) lo = mid;
    else hi = mid;
  }
  const gamma = Math.exp(hi);
  const y = coordinatesAt(gamma);
  // Put δ exactly on the sphere (the bisection leaves a relative error ~1e-15).
  const n = Math.hypot(...y);
  return finish(
    y.map((v) => (v * radius) / n),
    lambdaMax + gamma,
    'boundary',
  );
}
