/** spec/bases.md#sgd, line by line, in float64. */
import type { OracleBase } from '../descriptor.js';
import { axpy, times as scale, minus as sub, type Vector as Vec } from '../../oracle/vector.js';
import type { SgdOptions } from './options.js';

export interface SgdOracleState {
  buffer: Vec | null;
}

export function sgdOracle(own: Required<SgdOptions>, learningRate: number): OracleBase<SgdOracleState> {
  const { momentum: beta, dampening, nesterov } = own;
  return {
    init: () => ({ buffer: null }),
    update(theta, d, state) {
      let direction = d;
      let buffer: Vec | null = null;
      if (beta !== 0) {
        // 2. buf = d on the first step (no dampening), then β·buf + (1 − dampening)·d
        buffer = state.buffer === null ? [...d] : axpy(scale(beta, state.buffer), 1 - dampening, d);
        // 3. Nesterov: d + β·buf; heavy ball: buf
        direction = nesterov ? axpy(d, beta, buffer) : buffer;
      }
      // 4. θ_1 = θ − η·direction
      return { params: sub(theta, scale(learningRate, direction)), state: { buffer } };
    },
  };
}
