import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { UsamOwn } from './kernel.js';

export const usamArbitrary = (): fc.Arbitrary<Partial<UsamOwn>> => fc.record({ rho: f32(0.01, 0.5) });
