import fc from 'fast-check';
import { InvalidArgumentError } from '../../errors.js';
import { boolean, inRange } from '../../validate.js';
import { baseOptionName, type OptionName } from '../descriptor.js';

/** torch.optim.SGD's own options (spec/bases.md#sgd). */
export interface SgdOptions {
  /** Heavy-ball coefficient β, in [0, 1). */
  momentum?: number;
  /** In [0, 1]; never applied on the first step (torch). */
  dampening?: number;
  nesterov?: boolean;
}

export const SGD_DEFAULTS: Readonly<Required<SgdOptions>> = { momentum: 0, dampening: 0, nesterov: false };

export function validateSgd(own: Required<SgdOptions>, name: OptionName = baseOptionName): void {
  inRange(name('momentum'), own.momentum, 0, 1, true);
  inRange(name('dampening'), own.dampening, 0, 1);
  boolean(name('nesterov'), own.nesterov);
  if (own.nesterov && (own.momentum <= 0 || own.dampening !== 0)) {
    throw new InvalidArgumentError(name('nesterov'), true, 'momentum > 0 and dampening = 0 (as torch.optim.SGD requires)');
  }
}

/** β ≤ 0.95: over ≤ 6 steps the buffer grows at most 1/(1 − β) = 20× (spec/bases.md §10). */
export const sgdArbitrary = (): fc.Arbitrary<Required<SgdOptions>> =>
  fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 0.95, noNaN: true })).chain((momentum) =>
    fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.9, noNaN: true })).chain((dampening) =>
      (momentum > 0 && dampening === 0 ? fc.boolean() : fc.constant(false)).map((nesterov) => ({ momentum, dampening, nesterov })),
    ),
  );
