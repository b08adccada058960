import fc from 'fast-check';
import { f32 } from '../../verify/layout.js';
import type { GsamOwn } from './kernel.js';

/** A constant radius, or a point inside a learning-rate range that places ρ_t between ρ_min and ρ_max. */
const schedule = (rho: number) =>
  fc.oneof(
    fc.constant({}),
    fc.record({ lrMin: f32(0, 0.05), span: f32(0.01, 0.1), at: f32(0, 1), rhoShare: f32(0, 1) }).map(({ lrMin, span, at, rhoShare }) => {
      const lrMax = Math.fround(lrMin + span);
      return { lrMin, lrMax, lrNow: Math.fround(lrMin + at * (lrMax - lrMin)), rhoMin: Math.fround(rho * rhoShare) };
    }),
  );

export const gsamArbitrary = (): fc.Arbitrary<Partial<GsamOwn>> =>
  fc
    .record({
      rho: f32(0.01, 0.5),
      alpha: f32(0, 1),
      decompose: fc.constantFrom<GsamOwn['decompose']>('perturbed', 'clean'),
      adaptive: fc.constantFrom<GsamOwn['adaptive']>('none', 'big_vision', 'pytorch'),
      epsilon: fc.constant(1e-12),
    })
    .chain((own) => schedule(own.rho).map((s) => ({ ...own, ...s })));
