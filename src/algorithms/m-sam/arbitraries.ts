import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { MSamOwn } from './kernel.js';

/** The finite-sum problems have b ∈ {2, 4}, so m ∈ {1, 2} always divides b (m = b is SAM). */
export const mSamArbitrary = (): fc.Arbitrary<Partial<MSamOwn>> => fc.record({ m: fc.constantFrom(1, 2), rho: f32(0.01, 1), epsilon: fc.constant(1e-12) });
