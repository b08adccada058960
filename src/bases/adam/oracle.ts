/** spec/bases.md#adam, line by line, in float64 (shared by adam and adamw). */
import type { OracleBase } from '../descriptor.js';
import { plus as add, div, maximum, times as scale, shift, sqrt, square, minus as sub, zeros, type Vector as Vec } from '../../oracle/vector.js';
import type { AdamOptions } from './options.js';

export interface AdamOracleState {
  t: number;
  /** β1^t, β2^t (a running float32 product in the 'float32' form). */
  p1: number;
  p2: number;
  m: Vec;
  v: Vec;
  vMax: Vec;
}

export function adamOracle(own: Required<AdamOptions>, learningRate: number): OracleBase<AdamOracleState> {
  const { beta1, beta2, epsilon, amsgrad, biasCorrection } = own;
  const f32 = biasCorrection === 'float32';
  return {
    init: (n) => ({ t: 0, p1: 1, p2: 1, m: zeros(n), v: zeros(n), vMax: zeros(n) }),
    update(theta, d, s) {
      // 1. t ← t + 1
      const t = s.t + 1;
      // 2. moments
      const m = add(scale(beta1, s.m), scale(1 - beta1, d));
      const v = add(scale(beta2, s.v), scale(1 - beta2, square(d)));
      // 3. AMSGrad: v_max = max(v_max, v); the denominator uses v_max
      const vMax = amsgrad ? maximum(s.vMax, v) : s.vMax;
      // 4. bias corrections c_i = 1 − β_i^t ('float32': β^t = fl32(β^{t−1}·fl32(β)), c = fl32(1 − β^t))
      const p1 = f32 ? Math.fround(s.p1 * Math.fround(beta1)) : beta1 ** t;
      const p2 = f32 ? Math.fround(s.p2 * Math.fround(beta2)) : beta2 ** t;
      const c1 = f32 ? Math.fround(1 - p1) : 1 - p1;
      const c2 = f32 ? Math.fround(1 - p2) : 1 - p2;
      // 5. θ_1 = θ − η·m̂/(√v̂ + ε), m̂ = m/c1, v̂ = v/c2
      const mHat = scale(1 / c1, m);
      const vHat = scale(1 / c2, amsgrad ? vMax : v);
      const update = div(mHat, shift(sqrt(vHat), epsilon));
      return { params: sub(theta, scale(learningRate, update)), state: { t, p1, p2, m, v, vMax } };
    },
  };
}
