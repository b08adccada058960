/** spec/bases.md#sgd in tfjs: torch.optim.SGD without weight decay (weight_decay.ts adds it). */
import { tf } from '../../tf.js';
import type { BaseOptimizer, Tree } from '../../kernels/types.js';
import { tidyUpdate } from '../tidy.js';
import type { SgdOptions } from './options.js';

export interface SgdState {
  /** Momentum buffer; null until the first step (torch: buf = d on the first step, no dampening). */
  buffer: Tree | null;
}

export function sgdKernel(own: Required<SgdOptions>, learningRate: number): BaseOptimizer<SgdState> {
  const { momentum, dampening, nesterov } = own;
  return {
    init: () => ({ buffer: null }),
    update: (grads, state, params) =>
      tidyUpdate(() => {
        let d = grads;
        let buffer: Tree | null = null;
        if (momentum !== 0) {
          const previous = state.buffer;
          buffer = previous === null ? d.map((x) => tf.clone(x)) : previous.map((b, i) => tf.add(tf.mul(b, momentum), tf.mul(d[i], 1 - dampening)));
          const next = buffer;
          d = nesterov ? d.map((x, i) => tf.add(x, tf.mul(next[i], momentum))) : next;
        }
        return { params: params.map((p, i) => tf.sub(p, tf.mul(d[i], learningRate))), state: { buffer } };
      }),
  };
}
