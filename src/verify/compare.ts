/** Vector comparisons with a precision-dependent relative tolerance (spec/protocol.md, "Tolerances"). */
import type { Capabilities } from './types.js';

export const norm = (a: readonly number[]): number => Math.sqrt(a.reduce((s, x) => s + x * x, 0));
export const diff = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x - b[i]);
export const allFinite = (a: readonly number[]): boolean => a.every(Number.isFinite);

/**
 * Relative tolerance per unit of error scale. float32: ≈ 170 ulp, which covers the rounding of
 * the point the implementation sends back, of δ and of the base step (spec: "Tolerances").
 * float64: 1e-10, tight enough that every mutant differs by orders of magnitude more.
 */
export function relativeTolerance(precision: Capabilities['precision']): number {
  return precision === 'float32' ? 1e-5 : 1e-10;
}

/** Thrown by a property check when the implementation disagrees with the claim. */
export class PropertyViolation extends Error {
  override readonly name = 'PropertyViolation';
}

export function expectClose(what: string, actual: readonly number[], expected: readonly number[], scale: number, rel: number): void {
  if (!allFinite(actual)) throw new PropertyViolation(`${what}: non-finite values ${JSON.stringify(actual)} (expected ${JSON.stringify(expected)})`);
  if (!allFinite(expected)) throw new PropertyViolation(`${what}: the float64 oracle itself is non-finite here (expected ${JSON.stringify(expected)}, actual ${JSON.stringify(actual)}): the configuration is undefined at this point`);
  const error = norm(diff(actual, expected));
  const bound = rel * scale;
  if (!(error <= bound)) {
    throw new PropertyViolation(`${what}: ‖actual − expected‖ = ${error.toExponential(3)} > ${bound.toExponential(3)} (actual ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)})`);
  }
}

export function expectScalarClose(what: string, actual: number, expected: number, scale: number, rel: number): void {
  expectClose(what, [actual], [expected], scale, rel);
}
