import { composeBase } from '../compose.js';
import { rmspropKernel, type RmspropState } from './kernel.js';
import { RMSPROP_MUTANTS } from './mutants.js';
import { rmspropOracle, type RmspropOracleState } from './oracle.js';
import { RMSPROP_DEFAULTS, rmspropArbitrary, validateRmsprop, type EpsilonPlacement, type RmspropOptions } from './options.js';
import { RmspropReference } from './reference.js';

export type { RmspropOptions, RmspropState, RmspropOracleState, EpsilonPlacement };
export { RmspropReference };

export const rmspropBase = composeBase<RmspropOptions, RmspropState, RmspropOracleState>({
  name: 'rmsprop',
  title: 'RMSprop (torch.optim.RMSprop: momentum, centered; tf.train.rmsprop form)',
  spec: 'spec/bases.md#rmsprop',
  defaults: RMSPROP_DEFAULTS,
  weightDecayDefaults: { weightDecay: 0, weightDecayIn: 'base' },
  placements: ['base', 'loss', 'decoupled'],
  validate: validateRmsprop,
  kernel: rmspropKernel,
  oracle: rmspropOracle,
  Reference: RmspropReference,
  mutants: RMSPROP_MUTANTS,
  arbitrary: rmspropArbitrary,
});
