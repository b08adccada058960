import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { WsamOwn } from './kernel.js';

/** γ up to 0.9 (α ≤ 9); maxNorm around typical gradient norms so that clipping is both on and off. */
export const wsamArbitrary = (): fc.Arbitrary<Partial<WsamOwn>> =>
  fc.record({
    rho: f32(0.01, 0.5),
    gamma: f32(0, 0.9),
    decouple: fc.boolean(),
    maxNorm: fc.oneof(fc.constant(null), f32(0.1, 5)),
    adaptive: fc.boolean(),
    epsilon: fc.constant(1e-12),
  });
