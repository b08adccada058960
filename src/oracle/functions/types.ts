/**
 * The analytic test functions: each is a float64 mathjs oracle (value, symbolic gradient and
 * Hessian) plus an independent float32 tfjs twin over a parameter layout. Builders take plain
 * data (the *Spec types) so that a function can be serialized and replayed.
 */
import type { OracleObjective, Vector } from '../objective.js';
import type { Layout } from '../algorithms.js';
import type { Objective } from '../../kernels/types.js';

export type { Vector, Layout };

export interface Eigen {
  /** λ_i, in the order the spec gives them (not sorted). */
  values: number[];
  /** vectors[i] is the unit eigenvector of values[i]. */
  vectors: number[][];
}

export interface AnalyticFunction extends OracleObjective {
  /** e.g. 'quadratic(spd, d=3)'. */
  readonly name: string;
  readonly dim: number;
  /** The mathjs expression in variables x1..xd (for finite sums: of the batch mean). */
  readonly expression: string;
  /** float64, from the compiled mathjs expression. */
  value(x: Vector): number;
  /** From math.derivative(expr, xi, { simplify: false }), compiled once (lazily). */
  gradient(x: Vector): Vector;
  /** Symbolic second derivatives, compiled once (lazily). */
  hessian(x: Vector): number[][];
  /** Quadratics: H = Q diag(values) Qᵀ, vectors[i] = i-th column of Q. */
  readonly eigen?: Eigen;
  /** How the flat vector splits into parameter tensors (1-D tensors, flat order = layout order). */
  readonly layout: Layout;
  /**
   * The float32 tfjs twin over the layout's tensors, as a kernel Objective. Written with tf
   * functional ops independently of the mathjs expression. For finite sums it also implements
   * batchSize, slice, perSample, weighted and full.
   */
  tfObjective(): Objective;
  /** c·L (Hessian, eigenvalues and gradients scale by c). */
  scaled(c: number): AnalyticFunction;
  /** L + s. */
  shifted(s: number): AnalyticFunction;
  /** The same function over another split of the same d coordinates. */
  withLayout(layout: Layout): AnalyticFunction;
}

/**
 * A finite sum: the function is the mean of per-sample terms f_i over the batch (the first
 * `batchSize` of the n data rows); `full()` is the mean over all n rows.
 */
export interface FiniteSumFunction extends AnalyticFunction {
  readonly batchSize: number;
  /** f_i(x) for every sample of the batch (float64). */
  perSample(x: Vector): Vector;
  /** The mean over batch samples [start, end). */
  slice(start: number, end: number): FiniteSumFunction;
  /** Σ p_i f_i over the batch, fixed weights. */
  weighted(weights: Vector): AnalyticFunction;
  /** The mean over all n data rows. */
  full(): FiniteSumFunction;
  scaled(c: number): FiniteSumFunction;
  shifted(s: number): FiniteSumFunction;
  withLayout(layout: Layout): FiniteSumFunction;
}

export type QuadraticKind = 'spd' | 'psd' | 'indefinite';

/** L = ½(x − c)ᵀH(x − c) + constant, H = Q diag(λ) Qᵀ, Q = R_1 R_2 … R_k with R_j = I − 2v_jv_jᵀ/‖v_j‖². */
export interface QuadraticSpec {
  eigenvalues: number[];
  /** Householder vectors v_j (each of length d, nonzero); [] gives Q = I. */
  reflections: number[][];
  center: number[];
  constant?: number;
  /** Only for the name; derived from the eigenvalues when omitted. */
  kind?: QuadraticKind | 'isotropic';
}

/** L = aᵀx + b. */
export interface LinearSpec {
  a: number[];
  b: number;
}

/** Chained Rosenbrock Σ_{i<d} [b·(x_{i+1} − x_i²)² + (a − x_i)²]; d = 2 is the classic one. */
export interface RosenbrockSpec {
  dim: number;
  a: number;
  b: number;
}

/** L = Σ_i q_i x_i⁴ + the quadratic. */
export interface QuarticSpec {
  quartic: number[];
  quadratic: QuadraticSpec;
}

/**
 * L = Σ_k (x_{2k−1}·x_{2k} − t_k)², d = 2·pairs. Scale-symmetric: L(a ⊙ u) = L(u) for
 * a = (s_1, 1/s_1, s_2, 1/s_2, …) with any s_k > 0 (ASAM, properties.md E10).
 */
export interface ScaleSymmetricSpec {
  targets: number[];
}

/** Data rows (a_i, y_i), i = 1..n; the batch is the first `batch` rows (default n). */
export interface RegressionSpec {
  features: number[][];
  targets: number[];
  batch?: number;
}

/** f_i = ½(x − c_i)ᵀA_i(x − c_i), A_i = B_iᵀB_i + shift_i·I (symmetric; shift_i < 0 allowed). */
export interface QuadraticSumSpec {
  factors: number[][][];
  shifts: number[];
  centers: number[][];
  batch?: number;
}

/** Every family, as plain data (JSON-serializable). */
export type FunctionSpec =
  | { family: 'quadratic'; spec: QuadraticSpec }
  | { family: 'linear'; spec: LinearSpec }
  | { family: 'rosenbrock'; spec: RosenbrockSpec }
  | { family: 'quartic'; spec: QuarticSpec }
  | { family: 'scale-symmetric'; spec: ScaleSymmetricSpec }
  | { family: 'least-squares'; spec: RegressionSpec }
  | { family: 'logistic'; spec: RegressionSpec }
  | { family: 'quadratic-sum'; spec: QuadraticSumSpec };

/** Options every builder accepts. */
export interface BuildOptions {
  /** Default: one tensor named 'x' of size d. */
  layout?: Layout;
}
