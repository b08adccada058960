import fc from 'fast-check';
import { boolean, inRange, nonNegative, oneOf } from '../../validate.js';
import { baseOptionName, type OptionName } from '../descriptor.js';

/**
 * How 1 − β^t is formed. 'float64': from the step count in float64 (torch). 'float32': β^t kept
 * as a running float32 product and 1 − β^t rounded to float32, exactly as tf.train.adam does.
 */
export type BiasCorrection = 'float64' | 'float32';
export const BIAS_CORRECTIONS: readonly BiasCorrection[] = ['float64', 'float32'];

/** torch.optim.Adam's / AdamW's own options (spec/bases.md#adam). */
export interface AdamOptions {
  beta1?: number;
  beta2?: number;
  /** Added to √v̂ (outside the square root). */
  epsilon?: number;
  amsgrad?: boolean;
  biasCorrection?: BiasCorrection;
}

export const ADAM_DEFAULTS: Readonly<Required<AdamOptions>> = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, amsgrad: false, biasCorrection: 'float64' };

export function validateAdam(own: Required<AdamOptions>, name: OptionName = baseOptionName): void {
  inRange(name('beta1'), own.beta1, 0, 1, true);
  inRange(name('beta2'), own.beta2, 0, 1, true);
  nonNegative(name('epsilon'), own.epsilon);
  boolean(name('amsgrad'), own.amsgrad);
  oneOf(name('biasCorrection'), own.biasCorrection, BIAS_CORRECTIONS);
}

/**
 * β2 ≥ 0.5 and β1² < β2 keep |m̂|/√v̂ bounded over ≤ 6 steps (Kingma & Ba's γ = β1²/β2 < 1);
 * ε ≥ 1e-8 keeps 0/0 out (spec/bases.md §10). Torch form only.
 */
export const adamArbitrary = (): fc.Arbitrary<Required<AdamOptions>> =>
  fc
    .record({
      beta1: fc.oneof(fc.constant(0.9), fc.double({ min: 0, max: 0.95, noNaN: true })),
      beta2: fc.oneof(fc.constant(0.999), fc.double({ min: 0.5, max: 0.9999, noNaN: true })),
      epsilon: fc.oneof(fc.constant(1e-8), fc.double({ min: -8, max: -3, noNaN: true }).map((e) => 10 ** e)),
      amsgrad: fc.boolean(),
      biasCorrection: fc.constant<BiasCorrection>('float64'),
    })
    .filter((o) => o.beta1 * o.beta1 < o.beta2);
