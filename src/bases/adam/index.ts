import { composeBase, type BaseParts } from '../compose.js';
import { adamKernel, type AdamState } from './kernel.js';
import { ADAM_MUTANTS } from './mutants.js';
import { adamOracle, type AdamOracleState } from './oracle.js';
import { ADAM_DEFAULTS, adamArbitrary, validateAdam, type AdamOptions, type BiasCorrection } from './options.js';
import { AdamReference } from './reference.js';

export type { AdamOptions, AdamState, AdamOracleState, BiasCorrection };
export { AdamReference };

type Policy = Pick<BaseParts<AdamOptions, AdamState, AdamOracleState>, 'name' | 'title' | 'spec' | 'weightDecayDefaults' | 'placements' | 'mutants'>;

/** The Adam rule with a weight-decay policy: adam (coupled L2) and adamw (decoupled) share it. */
export const adamFamily = (policy: Policy) =>
  composeBase<AdamOptions, AdamState, AdamOracleState>({ ...policy, defaults: ADAM_DEFAULTS, validate: validateAdam, kernel: adamKernel, oracle: adamOracle, Reference: AdamReference, arbitrary: adamArbitrary });

export const adamBase = adamFamily({
  name: 'adam',
  title: 'Adam (torch.optim.Adam: coupled L2 weight decay, bias correction, AMSGrad)',
  spec: 'spec/bases.md#adam',
  weightDecayDefaults: { weightDecay: 0, weightDecayIn: 'base' },
  // Decoupled decay is spelled 'adamw': one name per rule.
  placements: ['base', 'loss'],
  mutants: ADAM_MUTANTS,
});
