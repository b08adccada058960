import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { AsamOwn } from './kernel.js';

export const asamArbitrary = (): fc.Arbitrary<Partial<AsamOwn>> =>
  fc.record({
    rho: f32(0.05, 2),
    etaT: fc.oneof(fc.constant(0), fc.constant(0.01), f32(0, 0.1)),
    epsilon: fc.constant(1e-12),
    adaptive: fc.constantFrom<AsamOwn['adaptive']>('all', 'exclude-biases'),
  });
