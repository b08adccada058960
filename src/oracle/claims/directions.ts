/**
 * Float64 direction-quality quantities on a quadratic model around θ_0 (properties.md X1–X3, X6):
 * m(δ) = g_0ᵀδ + ½δᵀHδ = L(θ_0 + δ) − L(θ_0). The multi-step gradients come from the family
 * oracle's fixed-path ascent (spec/algorithms.md §5(a)); d* from the exact ball maximiser.
 * TODO(kernel): the float32 multistep-sam kernel's g_k (src/kernels/ascent.ts, runAscent) can be
 * compared against `gk` here; the inequalities themselves are decided in float64 only (X2 recipe).
 */
import * as math from 'mathjs';
import type { Eigen } from '../functions/types.js';
import type { OracleObjective, Vector } from '../objective.js';
import { angle, dot, length, minus, plus, times, unit } from '../vector.js';
import { oracleAscent } from '../ascent.js';
import { quadraticBallMaximizer, type BallMaximizer } from '../maximizer/quadratic.js';
import { eigenCoordinates, fromEigenCoordinates } from './quadratic.js';

export interface DirectionCase {
  eigen: Eigen;
  g0: Vector;
  /** SAM's ascent radius (total path length for k > 1). */
  rho: number;
  /** The probe radius ρ_max of the neighbourhood whose maximum d* is. */
  rhoMax: number;
}

/** δ ↦ Hδ through the eigenbasis. */
export const hessianTimes = (eigen: Eigen, x: Vector): Vector =>
  fromEigenCoordinates(
    eigen,
    eigenCoordinates(eigen, x).map((y, i) => eigen.values[i] * y),
  );

/** The local model as an OracleObjective over δ (θ_0 = 0). */
export function localModel(eigen: Eigen, g0: Vector): OracleObjective {
  return {
    dim: g0.length,
    value: (d) => dot(g0, d) + 0.5 * dot(d, hessianTimes(eigen, d)),
    gradient: (d) => plus(g0, hessianTimes(eigen, d)),
  };
}

/** κ = ρ·max|λ|/‖g_0‖. */
export const curvatureOf = (c: Pick<DirectionCase, 'eigen' | 'g0' | 'rho'>): number => (c.rho * Math.max(...c.eigen.values.map(Math.abs))) / length(c.g0);

/** g_k of the fixed-path ascent of total length ρ (k = 1 is SAM's g_1 = (I + sH)g_0). */
export function multiStepGradient(c: DirectionCase, k: number): Vector {
  const path = oracleAscent(localModel(c.eigen, c.g0), c.g0.map(() => 0), c.rho, k, 0, 'fixed-path');
  return path.gradients[k - 1];
}

/** The probed loss gain m(ρ_max·û). */
export const probe = (c: DirectionCase, u: Vector): number => localModel(c.eigen, c.g0).value(times(c.rhoMax, unit(u, 0)));

export interface ProbeComparison {
  /** Δ = m(ρ_max ĝ_1) − m(ρ_max ĝ_0), evaluated directly. */
  delta: number;
  /** Δ from the closed form −ρ_max‖g_0‖(1 − cos) + ½ρ_max²(R(ĝ_1) − R(ĝ_0)), in the robust forms. */
  deltaFormula: number;
  /** r* = 2‖g_0‖(1 − cos)/(R(ĝ_1) − R(ĝ_0)): Δ > 0 iff ρ_max > r* (PSD H). */
  threshold: number;
}

export function probeComparison(c: DirectionCase): ProbeComparison {
  const u0 = unit(c.g0, 0);
  const u1 = unit(multiStepGradient(c, 1), 0);
  // 1 − cos∠ = ½‖û_1 − û_0‖²; R(û_1) − R(û_0) = (û_1 − û_0)ᵀH(û_1 + û_0) (properties.md, robust numerics).
  const oneMinusCos = 0.5 * length(minus(u1, u0)) ** 2;
  const rayleighGap = dot(minus(u1, u0), hessianTimes(c.eigen, plus(u1, u0)));
  const g = length(c.g0);
  return {
    delta: probe(c, u1) - probe(c, u0),
    deltaFormula: -c.rhoMax * g * oneMinusCos + 0.5 * c.rhoMax ** 2 * rayleighGap,
    threshold: (2 * g * oneMinusCos) / rayleighGap,
  };
}

/** The exact maximiser over the ρ_max-ball, and d* = δ* normalised. */
export function trueDirection(c: DirectionCase): BallMaximizer & { direction: Vector } {
  const m = quadraticBallMaximizer(c.eigen, c.g0, c.rhoMax);
  return { ...m, direction: unit(m.delta, 0) };
}

/** ∠(v, d*) for each named candidate. */
export function anglesToMaximizer(c: DirectionCase, candidates: Record<string, Vector>): Record<string, number> {
  const d = trueDirection(c).direction;
  return Object.fromEntries(Object.entries(candidates).map(([name, v]) => [name, angle(unit(v, 0), d)]));
}

/** v(α) = (sin((1−α)ψ)v_0 + sin(αψ)v_1)/sin ψ, the slerp XSAM searches over (algorithms.md §6). */
export function slerpUnit(v0: Vector, v1: Vector, alpha: number): Vector {
  const psi = angle(v0, v1);
  if (psi === 0) return v0;
  return times(1 / Math.sin(psi), plus(times(Math.sin((1 - alpha) * psi), v0), times(Math.sin(alpha * psi), v1)));
}

/** The probed gain along the slerp from ĝ_0 to ĝ_1 on a grid of α (X3). */
export function inPlaneProbes(c: DirectionCase, alphas: number[]): number[] {
  const v0 = unit(c.g0, 0);
  const v1 = unit(multiStepGradient(c, 1), 0);
  return alphas.map((a) => probe(c, slerpUnit(v0, v1, a)));
}

/**
 * The exact maximiser of the probe over unit directions in span{g_0, v} (v = g_1 by default): the
 * 2-D ball problem in the basis (ĝ_0, e_2), solved exactly; returned as its direction, its slerp
 * parameter α = φ/ψ (φ the angle from ĝ_0, signed toward v) and its probe gain.
 */
export function inPlaneMaximizer(c: DirectionCase, v: Vector = multiStepGradient(c, 1)): { direction: Vector; alpha: number; gain: number } {
  const v0 = unit(c.g0, 0);
  const v1 = unit(v, 0);
  const psi = angle(v0, v1);
  const e2 = unit(minus(v1, times(dot(v1, v0), v0)), 0);
  const basis = [v0, e2];
  const hp = basis.map((a) => basis.map((b) => dot(a, hessianTimes(c.eigen, b))));
  const { eigenvectors } = math.eigs(hp) as unknown as { eigenvectors: Array<{ value: number; vector: number[] }> };
  const eigen = { values: eigenvectors.map((e) => e.value), vectors: eigenvectors.map((e) => unit(e.vector, 0)) };
  const m = quadraticBallMaximizer(eigen, [length(c.g0), 0], c.rhoMax);
  return { direction: unit(plus(times(m.delta[0], v0), times(m.delta[1], e2)), 0), alpha: Math.atan2(m.delta[1], m.delta[0]) / psi, gain: m.gain };
}
