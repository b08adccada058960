import { composeBase } from '../compose.js';
import { adagradKernel, type AdagradState } from './kernel.js';
import { ADAGRAD_MUTANTS } from './mutants.js';
import { adagradOracle, type AdagradOracleState } from './oracle.js';
import { ADAGRAD_DEFAULTS, adagradArbitrary, validateAdagrad, type AdagradOptions } from './options.js';
import { AdagradReference } from './reference.js';

export type { AdagradOptions, AdagradState, AdagradOracleState };
export { AdagradReference };

export const adagradBase = composeBase<AdagradOptions, AdagradState, AdagradOracleState>({
  name: 'adagrad',
  title: 'Adagrad (torch.optim.Adagrad: lr_decay, initial accumulator; tf.train.adagrad form)',
  spec: 'spec/bases.md#adagrad',
  defaults: ADAGRAD_DEFAULTS,
  weightDecayDefaults: { weightDecay: 0, weightDecayIn: 'base' },
  placements: ['base', 'loss', 'decoupled'],
  validate: validateAdagrad,
  kernel: adagradKernel,
  oracle: adagradOracle,
  Reference: AdagradReference,
  mutants: ADAGRAD_MUTANTS,
  arbitrary: adagradArbitrary,
});
