import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { LookSamOwn } from './kernel.js';

/** k ∈ {1, 2, 3}: the generic two-step properties see a reuse step whenever k ≥ 2. τ = 0.05 keeps ĝ_v well-conditioned (spec/variants.md §3.2). */
export const lookSamArbitrary = (): fc.Arbitrary<Partial<LookSamOwn>> =>
  fc.record({ rho: f32(0.01, 0.5), k: fc.integer({ min: 1, max: 3 }), alpha: f32(0.1, 1), orthogonalFloor: fc.constant(0.05), epsilon: fc.constant(1e-12) });
