import fc from 'fast-check';
import { nonNegative, oneOf } from '../../validate.js';
import { baseOptionName, type OptionName } from '../descriptor.js';
import { EPSILON_PLACEMENTS, type EpsilonPlacement } from '../rmsprop/options.js';

/** torch.optim.Adagrad's own options (spec/bases.md#adagrad). */
export interface AdagradOptions {
  /** η_t = η/(1 + (t − 1)·lrDecay). */
  lrDecay?: number;
  /** The accumulator's start value (torch 0; tf.train.adagrad 0.1). */
  initialAccumulatorValue?: number;
  epsilon?: number;
  /** 'outside' (torch): g/(√s + ε); 'inside' (tf.train.adagrad): g/√(s + ε). */
  epsilonPlacement?: EpsilonPlacement;
}

export const ADAGRAD_DEFAULTS: Readonly<Required<AdagradOptions>> = { lrDecay: 0, initialAccumulatorValue: 0, epsilon: 1e-10, epsilonPlacement: 'outside' };

export function validateAdagrad(own: Required<AdagradOptions>, name: OptionName = baseOptionName): void {
  nonNegative(name('lrDecay'), own.lrDecay);
  nonNegative(name('initialAccumulatorValue'), own.initialAccumulatorValue);
  nonNegative(name('epsilon'), own.epsilon);
  oneOf(name('epsilonPlacement'), own.epsilonPlacement, EPSILON_PLACEMENTS);
}

/** ε ≥ 1e-10 keeps 0/0 out; lrDecay ≤ 1 keeps η_t ≥ η/6 over ≤ 6 steps (spec/bases.md §10). Torch form only. */
export const adagradArbitrary = (): fc.Arbitrary<Required<AdagradOptions>> =>
  fc.record({
    lrDecay: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    initialAccumulatorValue: fc.oneof(fc.constant(0), fc.constant(0.1), fc.double({ min: 0, max: 1, noNaN: true })),
    epsilon: fc.oneof(fc.constant(1e-10), fc.double({ min: -10, max: -3, noNaN: true }).map((e) => 10 ** e)),
    epsilonPlacement: fc.constant<EpsilonPlacement>('outside'),
  });
