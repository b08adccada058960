/**
 * A minimal float64 quadratic L(x) = ½(x − c)ᵀH(x − c) + constant built from its spectrum and a
 * product of Householder reflections (the QuadraticSpec of src/oracle/functions). Q and H come
 * from the functions library's Householder helpers (the same matrices `quadratic(spec)` builds);
 * value and gradient are plain arithmetic rather than compiled mathjs expressions, so the claims'
 * rate checks (hundreds of cases) stay fast.
 */
import type { Eigen, QuadraticSpec } from '../functions/types.js';
import type { OracleObjective, Vector } from '../objective.js';
import { dot, minus, plus, times } from '../vector.js';
import { householderProduct, spectralMatrix, transpose } from '../functions/orthogonal.js';

export interface SpectralQuadratic extends OracleObjective {
  readonly eigen: Eigen;
  readonly center: Vector;
  readonly matrix: number[][];
  hessian(x: Vector): number[][];
  /** c·L. */
  scaled(c: number): SpectralQuadratic;
}

/** The columns of Q = R_1 R_2 … R_k (the functions library's Householder product). */
export const orthogonalColumns = (d: number, reflections: number[][]): number[][] => transpose(householderProduct(reflections, d));

export const matVec = (m: number[][], x: Vector): Vector => m.map((row) => dot(row, x));

/** x in the eigenbasis: (q_iᵀx)_i. */
export const eigenCoordinates = (eigen: Eigen, x: Vector): Vector => eigen.vectors.map((q) => dot(q, x));

/** Σ_i y_i q_i. */
export const fromEigenCoordinates = (eigen: Eigen, y: Vector): Vector =>
  eigen.vectors.reduce((acc, q, i) => plus(acc, times(y[i], q)), eigen.vectors[0].map(() => 0));

export function spectralQuadratic(spec: QuadraticSpec): SpectralQuadratic {
  const d = spec.eigenvalues.length;
  const vectors = orthogonalColumns(d, spec.reflections);
  const eigen: Eigen = { values: [...spec.eigenvalues], vectors };
  const matrix = spectralMatrix(transpose(vectors), spec.eigenvalues);
  const center = [...spec.center];
  const constant = spec.constant ?? 0;
  const gradient = (x: Vector): Vector => matVec(matrix, minus(x, center));
  return {
    dim: d,
    eigen,
    center,
    matrix,
    value: (x) => 0.5 * dot(minus(x, center), gradient(x)) + constant,
    gradient,
    hessian: () => matrix.map((row) => [...row]),
    scaled: (c) => spectralQuadratic({ ...spec, eigenvalues: spec.eigenvalues.map((l) => c * l), constant: c * constant }),
  };
}
