/**
 * The shape every float64 reference base shares: a stateful object whose step is split into
 * stages (count, decoupled decay, coupled decay, the base's own update) so that a mutant
 * overrides exactly one. Written independently of the oracles (loops, not the oracle's helpers'
 * composition), so a slip in one is not repeated in the other.
 */
import type { CommonBaseHyperparameters, ReferenceBase, WeightDecayPlacement } from './descriptor.js';

export type V = number[];

export abstract class BaseReferenceStep<O extends object = object> implements ReferenceBase {
  /** Steps taken (1-based once the first step starts). */
  t = 0;
  readonly lr: number;
  readonly lambda: number;
  readonly placement: WeightDecayPlacement;

  constructor(
    readonly own: Required<O>,
    common: CommonBaseHyperparameters,
  ) {
    this.lr = common.learningRate;
    this.lambda = common.weightDecay;
    this.placement = common.weightDecayIn;
  }

  observe(_grad: V): void {}

  step(theta0: V, grad: V): V {
    this.t = this.advance(this.t);
    const d = this.coupled(grad, theta0);
    const theta = this.decoupled(theta0);
    return this.apply(theta, d);
  }

  advance(t: number): number {
    return t + 1;
  }

  /** Coupled L2 ('base'): g + λθ. */
  coupled(grad: V, theta: V): V {
    if (this.placement !== 'base' || this.lambda === 0) return grad;
    const out: V = [];
    for (let i = 0; i < grad.length; i++) out.push(grad[i] + this.lambda * theta[i]);
    return out;
  }

  /** Decoupled ('decoupled'): θ(1 − lr·λ). */
  decoupled(theta: V): V {
    if (this.placement !== 'decoupled' || this.lambda === 0) return theta;
    const keep = 1 - this.lr * this.lambda;
    return theta.map((x) => x * keep);
  }

  /** The base's own update of θ with the (decayed) gradient d. */
  abstract apply(theta: V, d: V): V;
}
