import { composeBase } from '../compose.js';
import { sgdKernel, type SgdState } from './kernel.js';
import { SGD_MUTANTS } from './mutants.js';
import { sgdOracle, type SgdOracleState } from './oracle.js';
import { SGD_DEFAULTS, sgdArbitrary, validateSgd, type SgdOptions } from './options.js';
import { SgdReference } from './reference.js';

export type { SgdOptions, SgdState, SgdOracleState };
export { SgdReference };

export const sgdBase = composeBase<SgdOptions, SgdState, SgdOracleState>({
  name: 'sgd',
  title: 'SGD (torch.optim.SGD: momentum, dampening, Nesterov)',
  spec: 'spec/bases.md#sgd',
  defaults: SGD_DEFAULTS,
  weightDecayDefaults: { weightDecay: 0, weightDecayIn: 'base' },
  placements: ['base', 'loss', 'decoupled'],
  validate: validateSgd,
  kernel: sgdKernel,
  oracle: sgdOracle,
  Reference: SgdReference,
  mutants: SGD_MUTANTS,
  arbitrary: sgdArbitrary,
});
