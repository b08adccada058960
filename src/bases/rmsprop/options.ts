import fc from 'fast-check';
import { boolean, inRange, nonNegative, oneOf } from '../../validate.js';
import { baseOptionName, type OptionName } from '../descriptor.js';

/**
 * 'outside' (torch): θ −= lr·g/(√v + ε), lr outside the momentum buffer. 'inside' (tf.train.rmsprop,
 * exactly): ε inside the square root — √(v + ε), and √(v − mg² − ε) when centered — and lr inside
 * the momentum buffer (spec/bases.md#rmsprop).
 */
export type EpsilonPlacement = 'outside' | 'inside';
export const EPSILON_PLACEMENTS: readonly EpsilonPlacement[] = ['outside', 'inside'];

/** torch.optim.RMSprop's own options. */
export interface RmspropOptions {
  /** Smoothing constant of v (tfjs calls it `decay`), in [0, 1). */
  alpha?: number;
  epsilon?: number;
  /** In [0, 1). */
  momentum?: number;
  centered?: boolean;
  epsilonPlacement?: EpsilonPlacement;
}

export const RMSPROP_DEFAULTS: Readonly<Required<RmspropOptions>> = { alpha: 0.99, epsilon: 1e-8, momentum: 0, centered: false, epsilonPlacement: 'outside' };

export function validateRmsprop(own: Required<RmspropOptions>, name: OptionName = baseOptionName): void {
  inRange(name('alpha'), own.alpha, 0, 1, true);
  nonNegative(name('epsilon'), own.epsilon);
  inRange(name('momentum'), own.momentum, 0, 1, true);
  boolean(name('centered'), own.centered);
  oneOf(name('epsilonPlacement'), own.epsilonPlacement, EPSILON_PLACEMENTS);
}

/**
 * α ≥ 0.5 keeps the centered variance v − mg² ≥ α^t(1 − α^t)·g²-sized (no cancellation over ≤ 6
 * steps); ε ≥ 1e-8 keeps 0/0 out (spec/bases.md §10). Torch form only.
 */
export const rmspropArbitrary = (): fc.Arbitrary<Required<RmspropOptions>> =>
  fc.record({
    alpha: fc.oneof(fc.constant(0.99), fc.double({ min: 0.5, max: 0.999, noNaN: true })),
    epsilon: fc.oneof(fc.constant(1e-8), fc.double({ min: -8, max: -3, noNaN: true }).map((e) => 10 ** e)),
    momentum: fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 0.95, noNaN: true })),
    centered: fc.boolean(),
    epsilonPlacement: fc.constant<EpsilonPlacement>('outside'),
  });
