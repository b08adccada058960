import { adamFamily } from '../adam/index.js';
import { ADAMW_MUTANTS } from './mutants.js';

/** torch.optim.AdamW: the Adam rule after θ ← θ·(1 − lr·λ); default λ = 0.01 as torch. */
export const adamwBase = adamFamily({
  name: 'adamw',
  title: 'AdamW (torch.optim.AdamW: decoupled weight decay)',
  spec: 'spec/bases.md#adamw',
  weightDecayDefaults: { weightDecay: 0.01, weightDecayIn: 'decoupled' },
  placements: ['decoupled', 'loss'],
  mutants: ADAMW_MUTANTS,
});
