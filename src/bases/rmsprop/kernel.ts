/** spec/bases.md#rmsprop in tfjs: torch.optim.RMSprop, or tf.train.rmsprop's form ('inside'). */
import { tf } from '../../tf.js';
import type { BaseOptimizer, Tree } from '../../kernels/types.js';
import { tidyState, tidyUpdate } from '../tidy.js';
import type { RmspropOptions } from './options.js';

export interface RmspropState {
  /** v: the running mean of g². */
  meanSquare: Tree;
  /** Centered: the running mean of g; null otherwise. */
  meanGrad: Tree | null;
  /** The momentum buffer (always kept in the 'inside' form, as tfjs); null when unused. */
  buffer: Tree | null;
}

export function rmspropKernel(own: Required<RmspropOptions>, learningRate: number): BaseOptimizer<RmspropState> {
  const { alpha, epsilon, momentum, centered } = own;
  const inside = own.epsilonPlacement === 'inside';
  const zeros = (params: Tree) => params.map((p) => tf.zerosLike(p));
  return {
    init: (params) =>
      tidyState(() => ({ meanSquare: zeros(params), meanGrad: centered ? zeros(params) : null, buffer: inside || momentum > 0 ? zeros(params) : null })),
    update: (grads, state, params) =>
      tidyUpdate(() => {
        const meanSquare = grads.map((g, i) => tf.add(tf.mul(state.meanSquare[i], alpha), tf.mul(tf.square(g), 1 - alpha)));
        const meanGrad = state.meanGrad === null ? null : grads.map((g, i) => tf.add(tf.mul(state.meanGrad![i], alpha), tf.mul(g, 1 - alpha)));
        if (inside) {
          // tf.train.rmsprop's op order, so this form is bit-identical to it.
          const root = (i: number) =>
            meanGrad === null ? tf.sqrt(tf.add(meanSquare[i], epsilon)) : tf.sqrt(tf.sub(meanSquare[i], tf.add(tf.square(meanGrad[i]), epsilon)));
          const buffer = grads.map((g, i) => tf.add(tf.mul(state.buffer![i], momentum), tf.div(tf.mul(g, learningRate), root(i))));
          return { params: params.map((p, i) => tf.sub(p, buffer[i])), state: { meanSquare, meanGrad, buffer } };
        }
        const average = (i: number) => tf.add(tf.sqrt(meanGrad === null ? meanSquare[i] : tf.sub(meanSquare[i], tf.square(meanGrad[i]))), epsilon);
        const scaled = grads.map((g, i) => tf.div(g, average(i)));
        const buffer = state.buffer === null ? null : scaled.map((x, i) => tf.add(tf.mul(state.buffer![i], momentum), x));
        const direction = buffer ?? scaled;
        return { params: params.map((p, i) => tf.sub(p, tf.mul(direction[i], learningRate))), state: { meanSquare, meanGrad, buffer } };
      }),
  };
}
