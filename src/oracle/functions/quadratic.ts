/**
 * Quadratics L = ½(x − c)ᵀH(x − c) + constant with H = Q diag(λ) Qᵀ (Q from Householder
 * reflections). The oracle expands H entrywise; the twin uses the eigen form ½·Σ λ_k (q_kᵀ(x − c))².
 */
import { tf, type Scalar } from '../../tf.js';
import { InvalidArgumentError } from '../../errors.js';
import { householderProduct, spectralMatrix, transpose } from './orthogonal.js';
import { smoothFunction, type SmoothDefinition } from './smooth.js';
import { literal, sum, variable } from './symbolic.js';
import type { AnalyticFunction, BuildOptions, QuadraticKind, QuadraticSpec } from './types.js';

export function quadraticKind(eigenvalues: number[]): QuadraticKind {
  if (eigenvalues.some((l) => l < 0)) return 'indefinite';
  return eigenvalues.some((l) => l === 0) ? 'psd' : 'spd';
}

/** The definition, shared with the quartic family. */
export function quadraticDefinition(spec: QuadraticSpec): SmoothDefinition & { hessianMatrix: number[][] } {
  const d = spec.center.length;
  if (spec.eigenvalues.length !== d || d < 1 || ![...spec.eigenvalues, ...spec.center].every(Number.isFinite)) {
    throw new InvalidArgumentError('quadratic', spec, 'finite eigenvalues and center of equal length >= 1', 'INVALID_ARGUMENT');
  }
  const q = householderProduct(spec.reflections, d);
  const h = spectralMatrix(q, spec.eigenvalues);
  const constant = spec.constant ?? 0;
  const r = (i: number) => `(${variable(i)} - ${literal(spec.center[i])})`;
  const rows = h.map((row, i) => `${r(i)} * (${sum(row.map((hij, j) => `${literal(hij)} * ${r(j)}`))})`);
  const qT = transpose(q);
  return {
    name: `quadratic(${spec.kind ?? quadraticKind(spec.eigenvalues)}, d=${d})`,
    dim: d,
    expression: `0.5 * (${sum(rows)}) + ${literal(constant)}`,
    tfLoss: (theta) => {
      const z = tf.matMul(tf.tensor2d(qT), tf.reshape(tf.sub(theta, tf.tensor1d(spec.center)), [d, 1]));
      const energy = tf.sum(tf.mul(tf.tensor2d(spec.eigenvalues, [d, 1]), tf.square(z)));
      return tf.add(tf.mul(energy, 0.5), constant) as Scalar;
    },
    eigen: { values: [...spec.eigenvalues], vectors: qT },
    hessianMatrix: h,
  };
}

export function quadratic(spec: QuadraticSpec, options: BuildOptions = {}): AnalyticFunction {
  return smoothFunction({ ...quadraticDefinition(spec), ...options });
}

/** H = c·I. */
export function isotropicQuadratic(spec: { curvature: number; center: number[]; constant?: number }, options: BuildOptions = {}): AnalyticFunction {
  return quadratic({ eigenvalues: spec.center.map(() => spec.curvature), reflections: [], center: spec.center, constant: spec.constant ?? 0, kind: 'isotropic' }, options);
}
