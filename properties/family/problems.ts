/**
 * TEMPORARY local test functions for the family properties, until the shared analytic function
 * library (src/oracle/functions, properties/arbitraries) lands; then replace and delete this file.
 *
 * Per-sample losses f_i(θ) = ½·Σ_j a_ij·(θ_j − c_ij)² + w·Σ_j cos(θ_j + c_ij): anisotropic,
 * non-quadratic for w ≠ 0, different per sample. The batch is samples [0, b) of n; `full` is all n.
 */
import fc from 'fast-check';
import { tf, type Tensor } from '../../src/tf.js';
import { finiteSumObjective } from '../../src/kernels/finite_sum.js';
import { fromFlat } from '../../src/kernels/tree.js';
import type { Objective, Tree } from '../../src/kernels/types.js';
import type { OracleObjective, Vector } from '../../src/oracle/objective.js';
import type { Layout } from '../../src/oracle/algorithms.js';

export interface Problem {
  a: number[][];
  c: number[][];
  w: number;
  batch: number;
  theta0: number[];
  sizes: number[];
  /** Added to every f_i (C7 shifts the function below zero). */
  shift?: number;
}

export const problemArb = (options: { batch?: fc.Arbitrary<number>; wiggle?: boolean } = {}): fc.Arbitrary<Problem> =>
  fc
    .record({ d: fc.integer({ min: 2, max: 4 }), b: options.batch ?? fc.constantFrom(2, 4, 6), extra: fc.integer({ min: 0, max: 2 }) })
    .chain(({ d, b, extra }) => {
      const n = b + extra;
      const num = (min: number, max: number) => fc.double({ min, max, noNaN: true });
      return fc.record({
        a: fc.array(fc.array(num(0.2, 5), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
        c: fc.array(fc.array(num(-2, 2), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
        w: options.wiggle === false ? fc.constant(0) : num(0, 0.5),
        batch: fc.constant(b),
        theta0: fc.array(num(-2, 2), { minLength: d, maxLength: d }),
        sizes: fc.constant(d === 2 ? [2] : [1, d - 1]),
      });
    });

export const layoutOf = (p: Problem): Layout => ({ names: p.sizes.map((_, i) => `w${i}`), sizes: p.sizes });

function oracleRange(p: Problem, rows: number[], weights: Vector | null): OracleObjective {
  const fi = (i: number, x: Vector) => x.reduce((s, xj, j) => s + 0.5 * p.a[i][j] * (xj - p.c[i][j]) ** 2 + p.w * Math.cos(xj + p.c[i][j]), p.shift ?? 0);
  const gi = (i: number, x: Vector) => x.map((xj, j) => p.a[i][j] * (xj - p.c[i][j]) - p.w * Math.sin(xj + p.c[i][j]));
  const coef = (k: number) => (weights === null ? 1 / rows.length : weights[k]);
  return {
    dim: p.theta0.length,
    batchSize: rows.length,
    value: (x) => rows.reduce((s, i, k) => s + coef(k) * fi(i, x), 0),
    gradient: (x) => rows.reduce((s, i, k) => s.map((v, j) => v + coef(k) * gi(i, x)[j]), x.map(() => 0)),
    perSample: (x) => rows.map((i) => fi(i, x)),
    slice: (s, e) => oracleRange(p, rows.slice(s, e), null),
    weighted: (wts) => oracleRange(p, rows, wts),
    full: () => oracleRange(p, p.a.map((_, i) => i), null),
  };
}

export function oracleObjective(p: Problem): OracleObjective {
  return oracleRange(p, Array.from({ length: p.batch }, (_, i) => i), null);
}

/** Per-sample losses as a tfjs PerSampleLoss over samples [start, end) of the first `count` rows. */
function perSampleLoss(p: Problem, count: number) {
  return (params: Tree, start: number, end: number): Tensor => {
    const theta = tf.concat(params.map((t) => tf.reshape(t, [-1])));
    const a = tf.tensor2d(p.a.slice(0, count).slice(start, end));
    const c = tf.tensor2d(p.c.slice(0, count).slice(start, end));
    const quad = tf.mul(0.5, tf.sum(tf.mul(a, tf.square(tf.sub(theta, c))), 1));
    return tf.add(tf.add(quad, tf.mul(p.w, tf.sum(tf.cos(tf.add(theta, c)), 1))), p.shift ?? 0);
  };
}

export function kernelObjective(p: Problem): Objective {
  const full = finiteSumObjective(perSampleLoss(p, p.a.length), p.a.length);
  return finiteSumObjective(perSampleLoss(p, p.batch), p.batch, { full });
}

export const paramsOf = (p: Problem, theta: number[] = p.theta0): Tree => fromFlat(theta, p.sizes.map((s) => [s]));

/** ‖x − y‖ ≤ tol·(1 + ‖y‖): norms, not per-coordinate ratios (properties.md, float32 tolerances). */
export function closeTo(x: ArrayLike<number>, y: ArrayLike<number>, tol: number): boolean {
  let d = 0;
  let n = 0;
  for (let i = 0; i < y.length; i++) {
    d += (x[i] - y[i]) ** 2;
    n += y[i] ** 2;
  }
  return Math.sqrt(d) <= tol * (1 + Math.sqrt(n));
}
