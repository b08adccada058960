/**
 * XSAM's hot-path helpers for every ε, not only ε = 1e-12 (spec/family.md X4 uses the default ε,
 * where ‖v_i‖ = n_i/(n_i + ε) rounds to 1 and 2·‖v‖² = 2/‖v‖²): normalizedAngle equals the plain
 * atan2 angle of the same normalized vectors; the slerp fallback is taken when sin ψ < 1e-8 only.
 * Added for the mutation run (spec/mutation.md).
 */
import { beforeAll, describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { normalized } from '../../src/kernels/tree.js';
import { angleBetween, normalizedAngle, slerpCoefficients } from '../../src/kernels/xsam.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const vector = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 3, maxLength: 3 }).filter((x) => Math.hypot(...x) > 0.1);

describe('normalizedAngle = 2·atan2(‖v_0 − v_1‖, ‖v_0 + v_1‖) of v_i = x_i/(‖x_i‖ + ε)', () => {
  test.prop([vector, vector, fc.constantFrom(0, 1e-12, 0.3, 1, 3)])('for ε ∈ {0, 1e-12, 0.3, 1, 3}', (x0, x1, epsilon) => {
    const [fast, plain] = tf.tidy(() => {
      const a = normalized([tf.tensor1d(x0)], epsilon);
      const b = normalized([tf.tensor1d(x1)], epsilon);
      return [normalizedAngle(a.unit, b.unit, a.norm, b.norm, epsilon), angleBetween(a.unit, b.unit, 'atan2').dataSync()[0]];
    });
    expect(Math.abs(fast - plain)).toBeLessThan(1e-5);
  });
});

describe('slerp coefficients: the (½, ½) fallback exactly when sin ψ < 1e-8', () => {
  test.prop([fc.double({ min: 0, max: 2, noNaN: true })])('ψ = 1e-8 (sin ψ = 1e-8) uses the ratio form, ψ = 0.99e-8 falls back', (alpha) => {
    expect(Math.sin(1e-8)).toBe(1e-8);
    expect(slerpCoefficients(1e-8, alpha).fallback).toBe(false);
    expect(slerpCoefficients(0.99e-8, alpha)).toEqual({ a: 0.5, b: 0.5, fallback: true });
  });
});
