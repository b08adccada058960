/** spec/bases.md#adagrad, line by line, in float64. */
import type { OracleBase } from '../descriptor.js';
import { plus as add, div, filled, times as scale, shift, sqrt, square, minus as sub, type Vector as Vec } from '../../oracle/vector.js';
import type { AdagradOptions } from './options.js';

export interface AdagradOracleState {
  t: number;
  sum: Vec;
}

export function adagradOracle(own: Required<AdagradOptions>, learningRate: number): OracleBase<AdagradOracleState> {
  const { lrDecay, initialAccumulatorValue, epsilon, epsilonPlacement } = own;
  return {
    init: (n) => ({ t: 0, sum: filled(n, initialAccumulatorValue) }),
    update(theta, d, s) {
      // 1. t ← t + 1, η_t = η/(1 + (t − 1)·lrDecay)
      const t = s.t + 1;
      const rate = learningRate / (1 + (t - 1) * lrDecay);
      // 2. s = s + d²
      const sum = add(s.sum, square(d));
      // 3. r = √s + ε (torch) or √(s + ε) (tfjs)
      const r = epsilonPlacement === 'outside' ? shift(sqrt(sum), epsilon) : sqrt(shift(sum, epsilon));
      // 4. θ_1 = θ − η_t·d/r
      return { params: sub(theta, scale(rate, div(d, r))), state: { t, sum } };
    },
  };
}
