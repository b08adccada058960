import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { SampaOwn } from './kernel.js';

const zeroOr = (arb: fc.Arbitrary<number>) => fc.oneof(fc.constant(0), arb);

/** The lookahead is drawn independently of the base (the kernel never reads the base's hyperparameters). */
export const sampaArbitrary = (): fc.Arbitrary<Partial<SampaOwn>> =>
  fc.record({
    rho: f32(0.01, 0.5),
    lambda: f32(0.05, 0.95),
    lookaheadRate: f32(0.01, 0.5),
    lookaheadMomentum: zeroOr(f32(0.1, 0.9)),
    lookaheadWeightDecay: zeroOr(f32(0.01, 0.5)),
    epsilon: fc.constant(1e-12),
  });
