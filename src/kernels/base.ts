import { tf } from '../tf.js';
import type { BaseOptimizer, Tree } from './types.js';

export interface SgdConfig {
  learningRate: number;
  momentum: number;
  dampening: number;
  nesterov: boolean;
  weightDecay: number;
}

export interface SgdState {
  /** Momentum buffer; null until the first step (PyTorch: buf = d on the first step, no dampening). */
  buffer: Tree | null;
}

/**
 * torch.optim.SGD semantics (spec/algorithms.md §1): coupled weight decay at θ_0,
 * momentum updated exactly once per outer iteration, optional Nesterov.
 */
export function sgd(config: SgdConfig): BaseOptimizer<SgdState> {
  const { learningRate, momentum, dampening, nesterov, weightDecay } = config;
  return {
    init: () => ({ buffer: null }),
    update(grads, state, params) {
      let d = weightDecay !== 0 ? grads.map((g, i) => tf.add(g, tf.mul(params[i], weightDecay))) : grads;
      let buffer: Tree | null = null;
      if (momentum !== 0) {
        buffer =
          state.buffer === null
            ? d.map((x) => tf.clone(x))
            : state.buffer.map((b, i) => tf.add(tf.mul(b, momentum), tf.mul(d[i], 1 - dampening)));
        d = nesterov ? d.map((x, i) => tf.add(x, tf.mul(buffer![i], momentum))) : buffer;
      }
      return { params: params.map((p, i) => tf.sub(p, tf.mul(d[i], learningRate))), state: { buffer } };
    },
  };
}
