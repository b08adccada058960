/**
 * What an oracle step may ask of a function: exact float64 values and gradients.
 * Points are flat vectors; `layout` says how the flat vector splits into parameter tensors
 * (global norms ignore it, ASAM's per-tensor flags and the kernels' shapes use it).
 */
export type Vector = number[];

export interface OracleObjective {
  readonly dim: number;
  value(x: Vector): number;
  gradient(x: Vector): Vector;
  /** Finite sums: number of samples in the batch. */
  readonly batchSize?: number;
  /** The mean over samples [start, end). */
  slice?(start: number, end: number): OracleObjective;
  /** f_i(x) for every sample i. */
  perSample?(x: Vector): Vector;
  /** Σ p_i f_i with fixed weights. */
  weighted?(weights: Vector): OracleObjective;
  /** The full-data objective (n-SAM). */
  full?(): OracleObjective;
}
