/** Number and vector arbitraries that shrink toward simple values. */
import fc from 'fast-check';

/** Magnitudes below this are flushed to 0: float32 would underflow on their products. */
export const FLUSH_BELOW = 1e-6;

/**
 * A float32-representable number in [fround(min), fround(max)], no NaN/∞, never 0 < |v| < 1e-6
 * (shrinks toward 0 when 0 is inside). Data drawn from it reaches the float32 twin unrounded.
 */
export const real = (min: number, max: number): fc.Arbitrary<number> =>
  fc
    .float({ min: Math.fround(min), max: Math.fround(max), noNaN: true, noDefaultInfinity: true })
    .map((v) => (Math.abs(v) < FLUSH_BELOW && min <= 0 && max >= 0 ? 0 : v));

/** exp(uniform[ln min, ln max]); shrinks toward the geometric mean √(min·max). */
export function logUniform(min: number, max: number): fc.Arbitrary<number> {
  const mid = Math.sqrt(min * max);
  const half = Math.log(max / min) / 2;
  return real(-half, half).map((t) => Math.min(max, Math.max(min, mid * Math.exp(t))));
}

/** A vector of length d with entries in [−box, box] (shrinks toward 0). */
export const vector = (d: number, box = 1): fc.Arbitrary<number[]> => fc.array(real(-box, box), { minLength: d, maxLength: d });

/** Rounds to float32 so that a float32 kernel and a float64 oracle start from the same point. */
export const toFloat32 = (v: number[]): number[] => Array.from(Float32Array.from(v));

export interface PointOptions {
  /** Half-width of the box (default 2). */
  box?: number;
  /** Round to float32-representable coordinates (default true). */
  float32?: boolean;
}

/** A point in the box [−box, box]^d. */
export const point = (d: number, options: PointOptions = {}): fc.Arbitrary<number[]> =>
  vector(d, options.box ?? 2).map((v) => (options.float32 === false ? v : toFloat32(v)));

/** d, shrinking toward min (default 1..5). */
export const dimension = (range: { min?: number; max?: number } = {}): fc.Arbitrary<number> =>
  fc.integer({ min: range.min ?? 1, max: range.max ?? 5 });
