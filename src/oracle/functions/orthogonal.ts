/** Orthogonal matrices from Householder reflections, and small float64 matrix helpers. */
import { InvalidArgumentError } from '../../errors.js';

export const identity = (d: number): number[][] => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));

export const transpose = (a: number[][]): number[][] => a[0].map((_, j) => a.map((row) => row[j]));

/** Q = R_1 R_2 … R_k with R_j = I − 2 v_j v_jᵀ / ‖v_j‖²: orthogonal for any nonzero v_j. */
export function householderProduct(reflections: number[][], d: number): number[][] {
  let q = identity(d);
  for (const v of reflections) {
    const norm2 = v.reduce((s, x) => s + x * x, 0);
    if (v.length !== d || !(norm2 > 0) || !Number.isFinite(norm2)) {
      throw new InvalidArgumentError('reflections', v, `a finite nonzero vector of length ${d}`, 'INVALID_ARGUMENT');
    }
    // Q ← Q·R = Q − (2/‖v‖²)(Qv)vᵀ
    const qv = q.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
    q = q.map((row, i) => row.map((x, j) => x - (2 / norm2) * qv[i] * v[j]));
  }
  return q;
}

/** Q diag(λ) Qᵀ, evaluated so that the result is exactly symmetric. */
export function spectralMatrix(q: number[][], eigenvalues: number[]): number[][] {
  const d = eigenvalues.length;
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => eigenvalues.reduce((s, l, k) => s + q[i][k] * l * q[j][k], 0)),
  );
}
