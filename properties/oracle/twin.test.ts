/**
 * The float32 tfjs twin (cpu backend) agrees with the float64 oracle at float32 points in
 * [−2, 2]^d, over random layouts: |Δf| ≤ K·u32·(|f| + ‖g‖r + ‖H‖_F r²) and
 * ‖Δg‖ ≤ K·u32·(‖g‖ + ‖H‖_F r), r = 1 + ‖x‖ (finite sums: per-sample scales averaged).
 */
import { beforeAll, describe, test } from 'vitest';
import fc from 'fast-check';
import { useBackend } from '../../src/backend/index.js';
import { analyticFunction, finiteSumFunction, finiteSumSpec, point, quadraticSpec } from '../arbitraries/index.js';
import type { AnalyticFunction, RegressionSpec } from '../../src/oracle/functions/index.js';
import { twinErrors, within } from './claims.js';
import { failsOn, twinWithFlippedLabels, twinWithTransposedRotation } from './broken.js';

/** Observed maxima ≈ 1.0 (value) and ≈ 1.2 (gradient) over 600 draws (spec/functions.md); K = 16 leaves a margin of ~13. */
export const K_TWIN = 16;

const withPoint = (fns: fc.Arbitrary<AnalyticFunction>) => fns.chain((f) => fc.tuple(fc.constant(f), point(f.dim)));
type Case = [AnalyticFunction, number[]];

const valueClaim = ([f, x]: Case) => within('twin value', twinErrors(f, x).value, K_TWIN);
const gradientClaim = ([f, x]: Case) => within('twin gradient', twinErrors(f, x).gradient, K_TWIN);

describe('the float32 tf twin', () => {
  beforeAll(() => useBackend({ backend: 'cpu' }));
  const functions = withPoint(fc.oneof(analyticFunction(), finiteSumFunction()));
  test("the twin's value agrees with the oracle within K·u32 of the rounding scale", () => fc.assert(fc.property(functions, valueClaim), { numRuns: 60 }));
  test("the twin's gradient agrees with the oracle within K·u32 of the rounding scale", () => fc.assert(fc.property(functions, gradientClaim), { numRuns: 60 }));
  test('caught: a quadratic twin built from Qᵀ', () =>
    failsOn(withPoint(quadraticSpec('spd', { dim: fc.integer({ min: 2, max: 4 }) }).map(twinWithTransposedRotation)), gradientClaim, 50));
  test('caught: a logistic twin without the label sign', () =>
    failsOn(withPoint(finiteSumSpec({ family: 'logistic' }).map((s) => twinWithFlippedLabels(s.spec as RegressionSpec))), valueClaim, 50));
});
