import { baseMutant } from '../compose.js';
import type { V } from '../reference_step.js';
import type { SgdOptions } from './options.js';
import { SgdReference } from './reference.js';

export const SGD_MUTANTS = [
  baseMutant<SgdOptions>('sgd-dampening-on-first-step', 'sgd', 'zero-initialised buffer: buf = (1 − dampening)·d on the first step', 'ports of torch.optim.SGD that create the buffer with zeros_like and dampen every step (spec/algorithms.md §1)', (own, common) =>
    new (class extends SgdReference {
      override nextBuffer(buffer: V | null, d: V) { return super.nextBuffer(buffer ?? d.map(() => 0), d); }
    })(own, common)),
  baseMutant<SgdOptions>('sgd-nesterov-stale-buffer', 'sgd', 'Nesterov looks ahead with the previous buffer: d + β·buf_{t−1}', 'Nesterov written as a look-ahead before the buffer update (an easy reorder in a port)', (own, common) =>
    new (class extends SgdReference {
      override lookahead(d: V) { return super.lookahead(d, this.previous ?? d); }
    })(own, common)),
] as const;
