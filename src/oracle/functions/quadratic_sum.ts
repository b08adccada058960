/**
 * Quadratic per-sample losses f_i = ½(x − c_i)ᵀA_i(x − c_i), A_i = B_iᵀB_i + shift_i·I (the m-SAM
 * drift identities, properties.md E7–E8). The oracle expands A_i; the twin uses
 * ½(‖B_i r_i‖² + shift_i‖r_i‖²) with r_i = x − c_i.
 */
import { tf } from '../../tf.js';
import { InvalidArgumentError } from '../../errors.js';
import { finiteSumFunction } from './finite_sum.js';
import { literal, sum, variable } from './symbolic.js';
import type { BuildOptions, FiniteSumFunction, QuadraticSumSpec } from './types.js';

/** A_i = B_iᵀB_i + shift·I. */
export function sampleMatrix(factor: number[][], shift: number): number[][] {
  const d = factor[0].length;
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => factor.reduce((s, row) => s + row[i] * row[j], 0) + (i === j ? shift : 0)),
  );
}

export function quadraticSum(spec: QuadraticSumSpec, options: BuildOptions = {}): FiniteSumFunction {
  const n = spec.centers.length;
  const d = spec.centers[0]?.length ?? 0;
  const square = (b: number[][]) => b.length === d && b.every((row) => row.length === d);
  if (d < 1 || spec.factors.length !== n || spec.shifts.length !== n || !spec.factors.every(square) || spec.centers.some((c) => c.length !== d)) {
    throw new InvalidArgumentError('quadraticSum', spec, 'n d×d factors, n shifts and n centers of length d >= 1', 'INVALID_ARGUMENT');
  }
  const term = (i: number) => {
    const a = sampleMatrix(spec.factors[i], spec.shifts[i]);
    const r = (j: number) => `(${variable(j)} - ${literal(spec.centers[i][j])})`;
    return `0.5 * (${sum(a.map((row, j) => `${r(j)} * (${sum(row.map((v, k) => `${literal(v)} * ${r(k)}`))})`))})`;
  };
  return finiteSumFunction({
    name: `quadratic-sum(d=${d}, n=${n})`,
    dim: d,
    terms: spec.centers.map((_, i) => term(i)),
    tfPerSample: (theta, s, e) => {
      const r = tf.sub(theta, tf.tensor2d(spec.centers.slice(s, e))); // [m, d]
      const br = tf.matMul(tf.tensor3d(spec.factors.slice(s, e)), tf.reshape(r, [e - s, d, 1])); // [m, d, 1]
      const energy = tf.add(tf.sum(tf.square(br), [1, 2]), tf.mul(tf.tensor1d(spec.shifts.slice(s, e)), tf.sum(tf.square(r), 1)));
      return tf.mul(energy, 0.5);
    },
    ...(spec.batch !== undefined ? { batch: spec.batch } : {}),
    ...options,
  });
}
