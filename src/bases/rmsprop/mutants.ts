import { baseMutant } from '../compose.js';
import type { RmspropOptions } from './options.js';
import { RmspropReference } from './reference.js';

export const RMSPROP_MUTANTS = [
  baseMutant<RmspropOptions>('rmsprop-epsilon-inside-sqrt', 'rmsprop', 'torch form with ε inside the root: √(v + ε) instead of √v + ε', 'TF/Keras/tfjs put ε inside, torch outside (pytorch/pytorch#23796, chainer/chainer#4754, jax-ml/jax#1427)', (own, common) =>
    new (class extends RmspropReference {
      override root(variance: number) { return this.own.epsilonPlacement === 'outside' ? Math.sqrt(variance + this.own.epsilon) : super.root(variance); }
    })(own, common)),
  baseMutant<RmspropOptions>('rmsprop-centered-ignored', 'rmsprop', 'centered = true behaves as uncentered (the mean gradient is kept but never subtracted)', 'an option accepted but not wired', (own, common) =>
    new (class extends RmspropReference {
      override variance(i: number) { return this.squareAvg![i]; }
    })(own, common)),
] as const;
