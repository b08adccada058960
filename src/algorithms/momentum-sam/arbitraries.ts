import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { MomentumSamOwn } from './kernel.js';

/** μ ≥ 0.1 so that the buffer's history is visible within a 3-step trajectory. */
export const momentumSamArbitrary = (): fc.Arbitrary<Partial<MomentumSamOwn>> =>
  fc.record({ rho: f32(0.01, 0.5), beta: f32(0.1, 0.95), epsilon: fc.constant(1e-12) });
