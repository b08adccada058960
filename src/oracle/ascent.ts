/** The ascent path of spec/algorithms.md §5, line by line in float64 (multi-step SAM, XSAM, the claims). */
import type { OracleObjective, Vector } from './objective.js';
import { length, plus, times, unit } from './vector.js';

export interface OracleAscentPath {
  g0: Vector;
  /** θ_1..θ_k */
  points: Vector[];
  /** g_1..g_k (gradients at θ_1..θ_k) */
  gradients: Vector[];
  /** δ_k = θ_k − θ_0 */
  delta: Vector;
}

export type OracleAscentKind = 'fixed-path' | 'projected';

/**
 * §5(a) fixed path length: θ_{i+1} = θ_i + (ρ/k)·ĝ_i.
 * §5(b) projected: δ_{i+1} = Π_ρ(δ_i + c·ρ·ĝ_i), Π_ρ(x) = x·min(1, ρ/‖x‖).
 */
export function oracleAscent(f: OracleObjective, theta0: Vector, rho: number, k: number, epsilon: number, kind: OracleAscentKind, c = 1): OracleAscentPath {
  const g0 = f.gradient(theta0);
  let delta = theta0.map(() => 0);
  let g = g0;
  const points: Vector[] = [];
  const gradients: Vector[] = [];
  for (let i = 0; i < k; i++) {
    if (kind === 'fixed-path') {
      delta = plus(delta, times(rho / k, unit(g, epsilon)));
    } else {
      const x = plus(delta, times(c * rho, unit(g, epsilon)));
      const n = length(x);
      delta = n > rho ? times(rho / n, x) : x;
    }
    const theta = plus(theta0, delta);
    g = f.gradient(theta);
    points.push(theta);
    gradients.push(g);
  }
  return { g0, points, gradients, delta };
}
