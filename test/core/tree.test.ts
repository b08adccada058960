/**
 * The parameter-list algebra of src/kernels/tree.ts against plain arithmetic on the flattened
 * lists. Small integers keep every float32 result exact, so the comparisons are exact. The kernels
 * use only part of it (the analysis and figures use the rest), which is why Stryker found
 * `sub`, `mul`, `zerosLike` and `dot` unchecked (spec/mutation.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { add, allFinite, axpy, dot, fromFlat, globalNorm, mul, scale, sub, toFlat, zerosLike, type Tree } from '../../src/kernels/tree.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** Two same-layout trees of 1–3 tensors (shapes [n] or [n, 2]) with integers in [−8, 8]. */
const pairArb = fc
  .array(fc.oneof(fc.integer({ min: 1, max: 3 }).map((n) => [n]), fc.integer({ min: 1, max: 2 }).map((n) => [n, 2])), { minLength: 1, maxLength: 3 })
  .chain((shapes) => {
    const size = shapes.reduce((s, sh) => s + sh.reduce((p, d) => p * d, 1), 0);
    const flat = fc.array(fc.integer({ min: -8, max: 8 }), { minLength: size, maxLength: size });
    return fc.record({ shapes: fc.constant(shapes), a: flat, b: flat, s: fc.integer({ min: -3, max: 3 }) });
  });

/** Runs `f` on the two trees and returns the flat result; every tensor is freed. */
function flatOf(x: { shapes: number[][]; a: number[]; b: number[] }, f: (a: Tree, b: Tree) => Tree): number[] {
  // + 0 folds −0 into 0: tfjs and JS differ on the sign of some zero products.
  return tf.tidy(() => Array.from(toFlat(f(fromFlat(x.a, x.shapes), fromFlat(x.b, x.shapes))), (v) => v + 0));
}
const scalarOf = (x: { shapes: number[][]; a: number[]; b: number[] }, f: (a: Tree, b: Tree) => tf.Scalar): number =>
  tf.tidy(() => f(fromFlat(x.a, x.shapes), fromFlat(x.b, x.shapes)).dataSync()[0]);

describe('tree algebra equals element-wise arithmetic on the flattened lists', () => {
  test.prop([pairArb])('fromFlat then toFlat is the identity; layouts are kept', (x) => {
    expect(flatOf(x, (a) => a)).toEqual(x.a);
    tf.tidy(() => {
      expect(fromFlat(x.a, x.shapes).map((t) => t.shape)).toEqual(x.shapes);
    });
  });
  test.prop([pairArb])('add, sub, mul, scale, axpy, zerosLike', (x) => {
    const { a, b, s } = x;
    expect(flatOf(x, add)).toEqual(a.map((v, i) => v + b[i]));
    expect(flatOf(x, sub)).toEqual(a.map((v, i) => v - b[i]));
    expect(flatOf(x, mul)).toEqual(a.map((v, i) => v * b[i] + 0));
    expect(flatOf(x, (p) => scale(p, s))).toEqual(a.map((v) => v * s + 0));
    expect(flatOf(x, (p, q) => axpy(p, s, q))).toEqual(a.map((v, i) => v + s * b[i]));
    expect(flatOf(x, zerosLike)).toEqual(a.map(() => 0));
  });
  test.prop([pairArb])('dot and globalNorm are global over all tensors', (x) => {
    const { a, b } = x;
    expect(scalarOf(x, dot)).toBe(a.reduce((sum, v, i) => sum + v * b[i], 0));
    expect(scalarOf(x, (p) => globalNorm(p))).toBeCloseTo(Math.hypot(...a), 5);
  });
});

describe('allFinite', () => {
  test.prop([pairArb, fc.constantFrom(Number.NaN, Infinity, -Infinity), fc.nat()])('false as soon as one element is not finite', (x, bad, at) => {
    const a = x.a.map((v, i) => (i === at % x.a.length ? bad : v));
    tf.tidy(() => {
      expect(allFinite(fromFlat(x.a, x.shapes))).toBe(true);
      expect(allFinite(fromFlat(a, x.shapes))).toBe(false);
    });
  });
  it('the empty list is (vacuously) finite', () => expect(allFinite([])).toBe(true));
});
