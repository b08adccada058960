/**
 * samcheck's global norm holds over the whole float32 range (spec/protocol.md §2.2): a plain
 * sum of squares gave ‖g‖ = ∞ at 1e20, so SAM's δ = ρ·g/(‖g‖ + ε) was 0 and the step SGD's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { globalNorm, normalized } from '../../src/kernels/tree.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const read = (s: tf.Scalar) => s.dataSync()[0];

describe('globalNorm with scaling', () => {
  for (const magnitude of [1e-30, 1e-20, 1, 1.85e19, 1e20, 1e30, 1e37]) {
    it(`‖g‖ at |g_i| = ${magnitude} is finite and within float32 rounding of Math.hypot`, () => {
      const values = [magnitude, -0.5 * magnitude, 0.25 * magnitude];
      const tree = [tf.tensor1d(values.slice(0, 2)), tf.tensor1d(values.slice(2)), tf.tensor1d([])];
      const expected = Math.hypot(...values.map(Math.fround));
      const got = read(globalNorm(tree));
      expect(Math.abs(got - expected) / expected).toBeLessThan(1e-6);
      const { unit } = normalized(tree, 0);
      expect(Math.hypot(...unit.flatMap((u) => Array.from(u.dataSync())))).toBeCloseTo(1, 5);
    });
  }

  it('an infinite entry gives ‖g‖ = ∞, a zero tree 0, with no tensor left behind', () => {
    const before = tf.memory().numTensors;
    const inf = globalNorm([tf.tensor1d([Infinity, 1])]);
    const zero = globalNorm([tf.tensor1d([0, 0])]);
    expect([read(inf), read(zero)]).toEqual([Infinity, 0]);
    tf.dispose([inf, zero]);
    expect(tf.memory().numTensors).toBe(before + 2);
  });
});
