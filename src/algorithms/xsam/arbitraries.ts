import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { XsamOwn } from './kernel.js';

/**
 * Static α only: the dynamic α is an argmax over probe losses, discontinuous at near-ties, so a
 * black-box step comparison cannot tell a float32 near-tie pick from a bug. Dynamic probing is
 * checked with the kernel's own α by properties/family (spec/family.md K1, X5; spec/protocol.md).
 */
export const xsamArbitrary = (): fc.Arbitrary<Partial<XsamOwn>> =>
  fc.record({ rho: f32(0.01, 0.5), steps: fc.integer({ min: 1, max: 3 }), dynamic: fc.constant(false), alpha: f32(0, 2), epsilon: fc.constant(1e-12) });
