/** spec/bases.md#adam in tfjs: torch.optim.Adam without weight decay (weight_decay.ts adds it). */
import { tf } from '../../tf.js';
import type { BaseOptimizer, Tree } from '../../kernels/types.js';
import { tidyState, tidyUpdate } from '../tidy.js';
import type { AdamOptions } from './options.js';

export interface AdamState {
  /** Steps taken. */
  step: number;
  /** β1^t and β2^t as the bias correction forms them (float64, or a running float32 product). */
  beta1Power: number;
  beta2Power: number;
  m: Tree;
  v: Tree;
  /** AMSGrad: the running maximum of v (not bias-corrected, as torch); null otherwise. */
  vMax: Tree | null;
}

/** β^t for step t from β^{t−1}: float64 from t, or the running float32 product tf.train.adam keeps. */
export function nextPower(own: Required<AdamOptions>, beta: number, previous: number, t: number): number {
  return own.biasCorrection === 'float32' ? Math.fround(previous * Math.fround(beta)) : beta ** t;
}

/** 1 − β^t, rounded to float32 in the tfjs form (tfjs: sub(1, accBeta)). */
export const correction = (own: Required<AdamOptions>, power: number): number => (own.biasCorrection === 'float32' ? Math.fround(1 - power) : 1 - power);

export function adamKernel(own: Required<AdamOptions>, learningRate: number): BaseOptimizer<AdamState> {
  const { beta1, beta2, epsilon, amsgrad } = own;
  return {
    init: (params) => tidyState(() => ({ step: 0, beta1Power: 1, beta2Power: 1, m: params.map((p) => tf.zerosLike(p)), v: params.map((p) => tf.zerosLike(p)), vMax: amsgrad ? params.map((p) => tf.zerosLike(p)) : null })),
    update: (grads, state, params) =>
      tidyUpdate(() => {
        const step = state.step + 1;
        const beta1Power = nextPower(own, beta1, state.beta1Power, step);
        const beta2Power = nextPower(own, beta2, state.beta2Power, step);
        const c1 = correction(own, beta1Power);
        const c2 = correction(own, beta2Power);
        // The op order is tf.train.adam's, so the 'float32' form is bit-identical to it.
        const m = grads.map((g, i) => tf.add(tf.mul(state.m[i], beta1), tf.mul(g, 1 - beta1)));
        const v = grads.map((g, i) => tf.add(tf.mul(state.v[i], beta2), tf.mul(tf.square(g), 1 - beta2)));
        const vMax = state.vMax === null ? null : state.vMax.map((x, i) => tf.maximum(x, v[i]));
        const denominatorSource = vMax ?? v;
        const next = params.map((p, i) => {
          const mHat = tf.div(m[i], c1);
          const vHat = tf.div(denominatorSource[i], c2);
          return tf.sub(p, tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon)), learningRate));
        });
        return { params: next, state: { step, beta1Power, beta2Power, m, v, vMax } };
      }),
  };
}
