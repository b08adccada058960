import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { SamOwn } from './kernel.js';

export const samArbitrary = (): fc.Arbitrary<Partial<SamOwn>> => fc.record({ rho: f32(0.01, 1), epsilon: fc.constant(1e-12) });
