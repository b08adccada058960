/** spec/bases.md#rmsprop, line by line, in float64. */
import type { OracleBase } from '../descriptor.js';
import { plus as add, div, times as scale, shift, sqrt, square, minus as sub, zeros, type Vector as Vec } from '../../oracle/vector.js';
import type { RmspropOptions } from './options.js';

export interface RmspropOracleState {
  v: Vec;
  mg: Vec;
  buf: Vec;
}

export function rmspropOracle(own: Required<RmspropOptions>, learningRate: number): OracleBase<RmspropOracleState> {
  const { alpha, epsilon, momentum, centered, epsilonPlacement } = own;
  return {
    init: (n) => ({ v: zeros(n), mg: zeros(n), buf: zeros(n) }),
    update(theta, d, s) {
      // 1. v = α·v + (1 − α)·d²
      const v = add(scale(alpha, s.v), scale(1 - alpha, square(d)));
      // 2. centered: mg = α·mg + (1 − α)·d, and the variance v − mg² replaces v
      const mg = centered ? add(scale(alpha, s.mg), scale(1 - alpha, d)) : s.mg;
      const spread = centered ? sub(v, square(mg)) : v;
      if (epsilonPlacement === 'inside') {
        // 3'. tfjs: r = √(v + ε), centered r = √(v − mg² − ε); buf = μ·buf + η·d/r; θ_1 = θ − buf
        const r = sqrt(shift(spread, centered ? -epsilon : epsilon));
        const buf = add(scale(momentum, s.buf), div(scale(learningRate, d), r));
        return { params: sub(theta, buf), state: { v, mg, buf } };
      }
      // 3. torch: a = √v + ε (centered √(v − mg²) + ε)
      const a = shift(sqrt(spread), epsilon);
      // 4. μ > 0: buf = μ·buf + d/a, θ_1 = θ − η·buf; else θ_1 = θ − η·d/a
      const scaled = div(d, a);
      const buf = momentum > 0 ? add(scale(momentum, s.buf), scaled) : s.buf;
      return { params: sub(theta, scale(learningRate, momentum > 0 ? buf : scaled)), state: { v, mg, buf } };
    },
  };
}
