/**
 * m-sharpness on quadratic per-sample losses f_i = ½(θ − c_i)ᵀA_i(θ − c_i) (properties.md E7, E8),
 * by enumerating every size-m subset B: the expectation over a uniformly random B is exact.
 */
import type { Vector } from '../objective.js';
import { length, mean, minus, plus, times } from '../vector.js';
import { matVec } from './quadratic.js';

export interface QuadraticSum {
  /** A_i, symmetric (indefinite allowed). */
  matrices: number[][][];
  centers: Vector[];
}

/** Every size-m subset of 0..n−1, in lexicographic order. */
export function subsets(n: number, m: number): number[][] {
  if (m === 0) return [[]];
  const out: number[][] = [];
  for (let first = 0; first <= n - m; first++) for (const rest of subsets(n - first - 1, m - 1)) out.push([first, ...rest.map((r) => r + first + 1)]);
  return out;
}

export const sampleGradient = (s: QuadraticSum, i: number, x: Vector): Vector => matVec(s.matrices[i], minus(x, s.centers[i]));
export const subsetGradient = (s: QuadraticSum, b: number[], x: Vector): Vector => mean(b.map((i) => sampleGradient(s, i, x)));
export const fullGradient = (s: QuadraticSum, x: Vector): Vector => subsetGradient(s, s.matrices.map((_, i) => i), x);

/** A perturbation rule for one micro-batch: m-USAM uses ρ·∇f_B. */
export type MicroPerturbation = (gradientB: Vector, rho: number) => Vector;
export const usamMicro: MicroPerturbation = (g, rho) => times(rho, g);

/** E_B[∇f_B(θ + δ_B)] with δ_B from the rule: the expected m-USAM update direction. */
export function expectedAscentGradient(s: QuadraticSum, m: number, x: Vector, rho: number, rule: MicroPerturbation = usamMicro): Vector {
  return mean(subsets(s.matrices.length, m).map((b) => subsetGradient(s, b, plus(x, rule(subsetGradient(s, b, x), rho)))));
}

/** P(θ) = E_B‖∇f_B(θ)‖². */
export const expectedSquaredNorm = (s: QuadraticSum, m: number, x: Vector): number =>
  subsets(s.matrices.length, m).reduce((acc, b) => acc + length(subsetGradient(s, b, x)) ** 2, 0) / subsets(s.matrices.length, m).length;

/** ∇P by central differences: exact up to rounding, since P is quadratic in θ. */
export function penaltyGradient(s: QuadraticSum, m: number, x: Vector, h = 1e-3): Vector {
  return x.map((_, j) => {
    const e = x.map((_, k) => (k === j ? h : 0));
    return (expectedSquaredNorm(s, m, plus(x, e)) - expectedSquaredNorm(s, m, minus(x, e))) / (2 * h);
  });
}

/** tr Σ with Σ = (1/n)Σ_i (∇f_i − ∇f)(∇f_i − ∇f)ᵀ. */
export function gradientVarianceTrace(s: QuadraticSum, x: Vector): number {
  const g = fullGradient(s, x);
  return mean(s.matrices.map((_, i) => [length(minus(sampleGradient(s, i, x), g)) ** 2]))[0];
}

/** c(m) = (n − m)/(m(n − 1)): the finite-population factor of E8. */
export const finitePopulationFactor = (n: number, m: number): number => (n - m) / (m * (n - 1));

