// The XSAM step's one-pass angle (normalizedAngle) against the float64 angle, over all of [0, π].
import { beforeAll, describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { normalizedAngle } from '../../src/kernels/xsam.js';
import { normalized } from '../../src/kernels/tree.js';
import { dot, length, minus, plus, times, unit } from '../../src/oracle/vector.js';
import { scoped } from './harness.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const EPSILON = 1e-12;

/** x_0 = c_0·u, x_1 = c_1·(cos ψ·u + sin ψ·w), w ⊥ u, split into two tensors at `cut`; ψ near 0, anywhere, and near π. */
const caseArb = fc
  .record({
    d: fc.integer({ min: 2, max: 7 }),
    psi: fc.oneof(fc.double({ min: 0, max: 1e-3, noNaN: true }), fc.double({ min: 0, max: Math.PI, noNaN: true }), fc.double({ min: Math.PI - 1e-3, max: Math.PI, noNaN: true })),
    scales: fc.tuple(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true })),
  })
  .chain(({ d, psi, scales }) =>
    fc
      .record({ a: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d }), b: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d }), cut: fc.integer({ min: 1, max: d - 1 }) })
      .filter(({ a, b }) => length(a) > 0.1 && length(minus(b, times(dot(a, b) / dot(a, a), a))) > 0.1)
      .map(({ a, b, cut }) => {
        const u = unit(a, 0);
        const w = unit(minus(b, times(dot(u, b), u)), 0);
        return { x0: times(scales[0], u), x1: times(scales[1], plus(times(Math.cos(psi), u), times(Math.sin(psi), w))), psi, cut };
      }),
  );

function kernelAngle({ x0, x1, cut }: { x0: number[]; x1: number[]; cut: number }): number {
  return scoped(() => {
    const tree = (x: number[]) => [tf.tensor1d(x.slice(0, cut)), tf.tensor1d(x.slice(cut))];
    const a = normalized(tree(x0), EPSILON);
    const b = normalized(tree(x1), EPSILON);
    return normalizedAngle(a.unit, b.unit, a.norm, b.norm, EPSILON);
  });
}

describe('normalizedAngle: the one-pass ψ of the XSAM step', () => {
  // 1e-5 is X4's bound on angleBetween; 1e-6 below ψ = 1e-3 is C8's (spec/family.md).
  test.prop([caseArb], { numRuns: 200 })('within 1e-5 of the float64 ψ on [0, π], 1e-6 when ψ ≤ 1e-3', (c) => {
    const psi = kernelAngle(c);
    expect(Math.abs(psi - c.psi)).toBeLessThanOrEqual(c.psi <= 1e-3 ? 1e-6 : 1e-5);
  });
});
