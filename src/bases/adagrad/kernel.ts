/** spec/bases.md#adagrad in tfjs: torch.optim.Adagrad, or tf.train.adagrad's form ('inside'). */
import { tf } from '../../tf.js';
import type { BaseOptimizer, Tree } from '../../kernels/types.js';
import { tidyState, tidyUpdate } from '../tidy.js';
import type { AdagradOptions } from './options.js';

export interface AdagradState {
  /** Steps taken (for lrDecay). */
  step: number;
  /** s: the running sum of g². */
  sum: Tree;
}

export function adagradKernel(own: Required<AdagradOptions>, learningRate: number): BaseOptimizer<AdagradState> {
  const { lrDecay, initialAccumulatorValue, epsilon } = own;
  const inside = own.epsilonPlacement === 'inside';
  return {
    init: (params) => tidyState(() => ({ step: 0, sum: params.map((p) => tf.fill(p.shape, initialAccumulatorValue)) })),
    update: (grads, state, params) =>
      tidyUpdate(() => {
        const step = state.step + 1;
        const rate = learningRate / (1 + (step - 1) * lrDecay);
        const sum = grads.map((g, i) => tf.add(state.sum[i], tf.square(g)));
        // tf.train.adagrad's op order, so the 'inside' form is bit-identical to it.
        const root = (i: number) => (inside ? tf.sqrt(tf.add(sum[i], epsilon)) : tf.add(tf.sqrt(sum[i]), epsilon));
        return { params: params.map((p, i) => tf.sub(p, tf.mul(tf.div(grads[i], root(i)), rate))), state: { step, sum } };
      }),
  };
}
