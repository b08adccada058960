/**
 * TEMPORARY stand-in for the shared analytic function library (src/oracle/functions,
 * properties/arbitraries), written concurrently by another helper. Replace its uses by the
 * library's arbitraries and delete this file when it lands.
 *
 * f(θ) = ½(θ − c)ᵀA(θ − c) + w·Σ_j cos θ_j with A = MᵀM + 0.1·I: non-separable, non-quadratic for w ≠ 0.
 */
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import { functionObjective } from '../../src/kernels/objective.js';
import type { Tree } from '../../src/kernels/types.js';
import type { Vector } from '../../src/oracle/objective.js';
import type { CoreFunction } from './harness.js';

export interface InterimSpec {
  m: number[][];
  c: number[];
  w: number;
  sizes: number[];
  scale: number;
}

const matTvec = (a: number[][], x: Vector) => a.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));

export function interimFunction(spec: InterimSpec): CoreFunction & { scaled(c: number): CoreFunction } {
  const d = spec.c.length;
  const a = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => spec.m.reduce((s, row) => s + row[i] * row[j], 0) + (i === j ? 0.1 : 0)));
  const k = spec.scale;
  const value = (x: Vector) => {
    const r = x.map((v, j) => v - spec.c[j]);
    return k * (0.5 * matTvec(a, r).reduce((s, v, j) => s + v * r[j], 0) + spec.w * x.reduce((s, v) => s + Math.cos(v), 0));
  };
  const gradient = (x: Vector) => matTvec(a, x.map((v, j) => v - spec.c[j])).map((v, j) => k * (v - spec.w * Math.sin(x[j])));
  const hessian = (x: Vector) => a.map((row, i) => row.map((v, j) => k * (v - (i === j ? spec.w * Math.cos(x[i]) : 0))));
  const loss = (params: Tree) => {
    const theta = tf.concat(params.map((p) => tf.reshape(p, [-1])));
    const r = tf.reshape(tf.sub(theta, tf.tensor1d(spec.c)), [d, 1]);
    const quad = tf.mul(0.5, tf.sum(tf.mul(r, tf.matMul(tf.tensor2d(a), r))));
    return tf.mul(k, tf.add(quad, tf.mul(spec.w, tf.sum(tf.cos(theta))))) as tf.Scalar;
  };
  return {
    dim: d,
    layout: { names: spec.sizes.map((_, i) => (i === spec.sizes.length - 1 && spec.sizes.length > 1 ? 'dense/bias' : `dense_${i}/kernel`)), sizes: spec.sizes },
    value,
    gradient,
    hessian,
    tfObjective: () => functionObjective(loss),
    scaled: (c: number) => interimFunction({ ...spec, scale: k * c }),
  };
}

import { uniform as num } from './configs.js';

/** A function and a starting point θ₀ (float32-representable). */
export const interimProblem = (dims: { min: number; max: number } = { min: 2, max: 5 }) =>
  fc.integer(dims).chain((d) =>
    fc.record({
      spec: fc.record({
        m: fc.array(fc.array(num(-1, 1), { minLength: d, maxLength: d }), { minLength: d, maxLength: d }),
        c: fc.array(num(-2, 2), { minLength: d, maxLength: d }),
        w: num(0, 0.5),
        sizes: fc.constant<number[]>(d === 2 ? [1, 1] : [d - 1, 1]),
        scale: fc.constant(1),
      }),
      theta0: fc.array(num(-2, 2), { minLength: d, maxLength: d }).map((t) => Array.from(Float32Array.from(t))),
    }),
  );

/** The single swap point for the shared library: a test function with its starting point. */
export const coreProblem = (dims?: { min: number; max: number }) =>
  interimProblem(dims).map(({ spec, theta0 }) => ({ f: interimFunction(spec), theta0 }));
