import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { VassoOwn } from './kernel.js';

/** θ ∈ [0.1, 0.9]: both the old estimate and the new gradient carry weight within a 3-step trajectory. */
export const vassoArbitrary = (): fc.Arbitrary<Partial<VassoOwn>> =>
  fc.record({ rho: f32(0.01, 0.5), theta: f32(0.1, 0.9), epsilon: fc.constant(1e-7) });
