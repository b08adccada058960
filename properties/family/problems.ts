/**
 * The family properties' test problems, built on the shared analytic function library
 * (src/oracle/functions): random quadratic finite sums f_i = ½(θ − c_i)ᵀA_i(θ − c_i),
 * A_i = B_iᵀB_i + shift_i·I, with the batch the first b of n rows (`full` is all n).
 */
import fc from 'fast-check';
import { quadraticSum, type FiniteSumFunction } from '../../src/oracle/functions/index.js';
import { fromFlat } from '../../src/kernels/tree.js';
import type { Objective, Tree } from '../../src/kernels/types.js';
import type { Layout } from '../../src/oracle/algorithms.js';

export interface Problem {
  factors: number[][][];
  shifts: number[];
  centers: number[][];
  batch: number;
  theta0: number[];
  sizes: number[];
  /** Added to every f_i (C7 shifts the function below zero). */
  shift?: number;
}

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const matrix = (d: number) => fc.array(fc.array(num(-1.5, 1.5), { minLength: d, maxLength: d }), { minLength: d, maxLength: d });

export const problemArb = (options: { batch?: fc.Arbitrary<number> } = {}): fc.Arbitrary<Problem> =>
  fc
    .record({ d: fc.integer({ min: 2, max: 4 }), b: options.batch ?? fc.constantFrom(2, 4, 6), extra: fc.integer({ min: 0, max: 2 }) })
    .chain(({ d, b, extra }) => {
      const n = b + extra;
      return fc.record({
        factors: fc.array(matrix(d), { minLength: n, maxLength: n }),
        shifts: fc.array(num(0.2, 2), { minLength: n, maxLength: n }),
        centers: fc.array(fc.array(num(-2, 2), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
        batch: fc.constant(b),
        theta0: fc.array(num(-2, 2), { minLength: d, maxLength: d }),
        sizes: fc.constant(d === 2 ? [2] : [1, d - 1]),
      });
    });

export const layoutOf = (p: Problem): Layout => ({ names: p.sizes.map((_, i) => `w${i}`), sizes: p.sizes });

/** Built once per problem: the library compiles symbolic gradients, which is the expensive part. */
const built = new WeakMap<Problem, FiniteSumFunction>();
export function functionOf(p: Problem): FiniteSumFunction {
  let f = built.get(p);
  if (f === undefined) {
    const base = quadraticSum({ factors: p.factors, shifts: p.shifts, centers: p.centers, batch: p.batch }, { layout: layoutOf(p) });
    f = p.shift !== undefined ? base.shifted(p.shift) : base;
    built.set(p, f);
  }
  return f;
}

export const oracleObjective = (p: Problem): FiniteSumFunction => functionOf(p);
export const kernelObjective = (p: Problem): Objective => functionOf(p).tfObjective();

/** The batch rows only (so `full` is the batch itself). */
export const batchOnly = (p: Problem): Problem => ({ ...p, factors: p.factors.slice(0, p.batch), shifts: p.shifts.slice(0, p.batch), centers: p.centers.slice(0, p.batch) });

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
