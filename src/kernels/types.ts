import type { Scalar, Tensor } from '../tf.js';
import type { Tree } from './tree.js';

/**
 * Which evaluation of a step this is. Stateful models (BatchNorm) may update running
 * statistics on the 'clean' pass only; every other pass sees them frozen.
 */
export type PassKind = 'clean' | 'ascent' | 'final' | 'probe' | 'score';
export interface PassInfo {
  kind: PassKind;
  /** 0-based position of this pass within the step (gradient and forward passes alike). */
  index: number;
}

/**
 * What a step may ask of the loss. The step never touches variables: it hands points in and
 * gets values and gradients out, so it can be run on analytic functions, on a tf.Variable
 * closure, or on a subprocess that serves gradients.
 */
export interface Objective {
  /** One pass: the loss and its gradient at `point` (a "gradient evaluation"). */
  valueAndGrad(point: Tree, pass: PassInfo): { value: Scalar; grads: Tree };
  /** A forward pass only (XSAM probes, RW-SAM scores). */
  value(point: Tree, pass: PassInfo): Scalar;
  /** Finite sums (m-SAM, RW-SAM): the number of samples in the batch. */
  readonly batchSize?: number;
  /** The same objective restricted to samples [start, end) of the batch (mean over them). */
  slice?(start: number, end: number): Objective;
  /** Per-sample losses f_i(point), shape [batchSize]. */
  perSample?(point: Tree, pass: PassInfo): Tensor;
  /** The objective Σ p_i f_i with fixed weights (no gradient flows through p). */
  weighted?(weights: Tensor): Objective;
  /** The full-data objective L_n, for n-SAM's perturbation. */
  full?(): Objective;
}

/** What a step reports besides the new parameters (tensors only when `record` is on). */
export interface StepInfo {
  /** Loss at θ_0 on the clean pass. */
  loss: Scalar;
  /** g_0 = ∇L(θ_0). */
  cleanGradient?: Tree;
  /** θ_k − θ_0: the total perturbation. */
  perturbation?: Tree;
  /** θ_1..θ_k. */
  ascentPoints?: Tree[];
  /** The gradient handed to the base optimizer. */
  appliedGradient?: Tree;
  /** Algorithm-specific scalars (XSAM's ψ and α, RW-SAM's weights, …). */
  scalars?: Record<string, number>;
}

export interface StepContext {
  /** Outer iteration index t (0-based). */
  iteration: number;
  /** Keep diagnostic tensors in StepInfo. */
  record: boolean;
  /** Next pass index; estimators call `nextPass` to get one. */
  passCounter: { next: number };
}

export function nextPass(ctx: StepContext, kind: PassKind): PassInfo {
  return { kind, index: ctx.passCounter.next++ };
}

/** An optax-style pure transformation pair that turns a point and an objective into the gradient to apply. */
export interface GradientEstimator<S = unknown> {
  init(params: Tree): S;
  /**
   * `decoupled`, when present, is applied after the base step as θ ← θ − η·decoupled: a term that
   * bypasses the base optimizer's state (WSAM's decoupled sharpness, spec/variants.md §2).
   */
  estimate(params: Tree, objective: Objective, state: S, ctx: StepContext): { grads: Tree; state: S; info: StepInfo; decoupled?: Tree };
}

/** An optax-style pure (init, update) pair that applies a gradient at θ_0. */
export interface BaseOptimizer<S = unknown> {
  init(params: Tree): S;
  update(grads: Tree, state: S, params: Tree, iteration: number): { params: Tree; state: S };
}

export type { Tree, Tensor, Scalar };
