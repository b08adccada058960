import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { NSamOwn } from './kernel.js';

export const nSamArbitrary = (): fc.Arbitrary<Partial<NSamOwn>> => fc.record({ rho: f32(0.01, 1), epsilon: fc.constant(1e-12) });
