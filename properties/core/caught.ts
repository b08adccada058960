/** Runs a property builder on the real kernels (must hold) and on broken variants (must fail). */
import fc from 'fast-check';
import { expect } from 'vitest';
import { correct, type Build } from './broken.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PropertyOf = (build: Build) => fc.IProperty<any>;

/** fc.assert on the real kernels: a failure prints the seed and path for replay. */
export function holds(property: PropertyOf, numRuns: number): void {
  fc.assert(property(correct), { numRuns });
}

/** The property must find a counterexample on `broken` (no shrinking: only the verdict matters). */
export function failsOn(property: PropertyOf, broken: Build, numRuns = 100): void {
  const result = fc.check(property(broken), { numRuns, endOnFailure: true });
  expect(result.failed, 'the property must fail on the deliberately broken variant').toBe(true);
}
