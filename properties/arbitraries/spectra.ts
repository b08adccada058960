/** Spectra, rotations and quadratic specs. */
import fc from 'fast-check';
import type { QuadraticKind, QuadraticSpec } from '../../src/oracle/functions/index.js';
import { householderProduct } from '../../src/oracle/functions/index.js';
import { dimension, logUniform, real, vector } from './numbers.js';

export interface SpectrumOptions {
  /** Magnitudes lie in [1/spread, spread]·base; spread ≥ 1 (default 30). */
  spread?: number;
}

/**
 * d eigenvalues of the given kind: magnitudes base·exp(r_i) with r_i shrinking to 0, so a failing
 * case shrinks toward equal eigenvalues (base → 1). psd: at least one λ = 0; indefinite: at least
 * one λ < 0 and, for d ≥ 2, one λ > 0.
 */
export function spectrum(d: number, kind: QuadraticKind, options: SpectrumOptions = {}): fc.Arbitrary<number[]> {
  const logSpread = Math.log(options.spread ?? 30);
  const magnitudes = fc
    .record({ base: logUniform(0.3, 3), logs: fc.array(real(-logSpread / 2, logSpread / 2), { minLength: d, maxLength: d }) })
    .map(({ base, logs }) => logs.map((t) => base * Math.exp(t)));
  if (kind === 'spd') return magnitudes;
  const marked = fc.record({ magnitudes, flags: fc.array(fc.boolean(), { minLength: d, maxLength: d }), first: fc.integer({ min: 0, max: d - 1 }) });
  if (kind === 'psd') return marked.map(({ magnitudes: m, flags, first }) => m.map((l, i) => (i === first || flags[i] ? 0 : l)));
  return marked.map(({ magnitudes: m, flags, first }) =>
    m.map((l, i) => (i === first || (flags[i] && d > 1 && i !== (first + 1) % d) ? -l : l)),
  );
}

/** 0..min(d, 3) Householder vectors of norm ≥ 0.1 (shrinks to none: Q = I). */
export const householderReflections = (d: number): fc.Arbitrary<number[][]> =>
  fc.array(
    vector(d).filter((v) => Math.hypot(...v) >= 0.1),
    { maxLength: Math.min(d, 3) },
  );

/** An orthogonal d×d matrix (a product of Householder reflections). */
export const orthogonalMatrix = (d: number): fc.Arbitrary<number[][]> => householderReflections(d).map((r) => householderProduct(r, d));

export interface QuadraticOptions extends SpectrumOptions {
  dim?: fc.Arbitrary<number>;
  /** Half-width of the box holding the center (default 1). */
  centerBox?: number;
}

export const quadraticSpec = (kind: QuadraticKind, options: QuadraticOptions = {}): fc.Arbitrary<QuadraticSpec> =>
  (options.dim ?? dimension()).chain((d) =>
    fc.record({
      eigenvalues: spectrum(d, kind, options),
      reflections: householderReflections(d),
      center: vector(d, options.centerBox ?? 1),
      constant: real(-1, 1),
    }),
  );
