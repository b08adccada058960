import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { MultiStepSamOwn } from './kernel.js';

export const multiStepSamArbitrary = (): fc.Arbitrary<Partial<MultiStepSamOwn>> =>
  fc.record({
    rho: f32(0.01, 1),
    steps: fc.integer({ min: 1, max: 4 }),
    ascent: fc.constantFrom<MultiStepSamOwn['ascent']>('fixed-path', 'projected'),
    stepSizeMultiplier: fc.oneof(fc.constant(1), f32(0.5, 2)),
    applied: fc.constantFrom<MultiStepSamOwn['applied']>('last', 'average'),
    epsilon: fc.constant(1e-12),
  });
