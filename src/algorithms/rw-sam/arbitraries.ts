import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { RwSamOwn } from './kernel.js';

export const rwSamArbitrary = (): fc.Arbitrary<Partial<RwSamOwn>> =>
  fc.record({
    rho: f32(0.01, 1),
    // τ = ∞ is SAM bit for bit; finite τ ≥ 0.5 and h ≥ 0.1 keep the float32 forward-difference
    // error of the scores (≈ u·|f|/h, amplified by 1/τ) inside the tolerance (spec/family.md K1).
    temperature: fc.oneof(fc.constant<'infinity'>('infinity'), f32(0.5, 10)),
    h: f32(0.1, 0.5),
    epsilon: fc.constant(1e-12),
  });
