/**
 * A minimal float64 quadratic L(x) = ½(x − c)ᵀH(x − c) + constant built from its spectrum and a
 * product of Householder reflections (the QuadraticSpec of src/oracle/functions). Everything is
 * plain arithmetic, so the claims' rate checks (hundreds of cases) stay fast.
 * TODO(functions library): once src/oracle/functions exports its quadratic builder, build from it.
 */
import type { Eigen, QuadraticSpec } from '../functions/types.js';
import type { OracleObjective, Vector } from '../objective.js';
import { dot, minus, plus, times } from '../family/vector.js';

export interface SpectralQuadratic extends OracleObjective {
  readonly eigen: Eigen;
  readonly center: Vector;
  readonly matrix: number[][];
  hessian(x: Vector): number[][];
  /** c·L. */
  scaled(c: number): SpectralQuadratic;
}

/** Q = R_1 R_2 … R_k, R_j = I − 2v_jv_jᵀ/‖v_j‖²; returns its columns. */
export function orthogonalColumns(d: number, reflections: number[][]): number[][] {
  let rows: number[][] = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
  for (const v of reflections) {
    const vv = dot(v, v);
    // (Q R)_{i,:} = Q_{i,:} − 2 (Q_{i,:}·v) vᵀ/‖v‖²
    rows = rows.map((row) => minus(row, times((2 * dot(row, v)) / vv, v)));
  }
  return Array.from({ length: d }, (_, j) => rows.map((row) => row[j]));
}

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
  const matrix = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => vectors.reduce((s, q, k) => s + spec.eigenvalues[k] * q[i] * q[j], 0)));
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
