/**
 * The symbolic derivatives of every family agree with central finite differences (float64,
 * points in [−2, 2]^d): ‖∇f − FD‖ and ‖∇²f − FD(∇f)‖_F ≤ TOL_FD·(1 + |f| + ‖∇f‖ + ‖∇²f‖_F(1 + ‖x‖)).
 */
import { describe, test } from 'vitest';
import fc from 'fast-check';
import { analyticFunction, finiteSumFunction, point } from '../arbitraries/index.js';
import type { AnalyticFunction } from '../../src/oracle/functions/index.js';
import { gradientFdError, hessianFdError, U64, within } from './claims.js';
import { failsOn, gradientSignSlip, staleHessian } from './broken.js';

/** 64·u^(2/3): central differences with h = u^(1/3)·max(1, |x_i|) are accurate to O(u^(2/3)) of the scale. */
export const TOL_FD = 64 * U64 ** (2 / 3);

const withPoint = (fns: fc.Arbitrary<AnalyticFunction>) => fns.chain((f) => fc.tuple(fc.constant(f), point(f.dim, { float32: false })));
const anyFunction = withPoint(fc.oneof(analyticFunction(), finiteSumFunction()));

const gradientClaim = ([f, x]: [AnalyticFunction, number[]]) => within('gradient vs FD', gradientFdError(f, x), TOL_FD);
const hessianClaim = ([f, x]: [AnalyticFunction, number[]]) => within('Hessian vs FD of the gradient', hessianFdError(f, x), TOL_FD);

describe('symbolic derivatives', () => {
  test('the symbolic gradient agrees with central finite differences of the value', () => {
    fc.assert(fc.property(anyFunction, gradientClaim), { numRuns: 80 });
  });
  test('the symbolic Hessian agrees with central finite differences of the symbolic gradient', () => {
    fc.assert(fc.property(anyFunction, hessianClaim), { numRuns: 60 });
  });
  test('caught: a wrong sign in ∂f/∂x1', () => failsOn(withPoint(analyticFunction().map(gradientSignSlip)), gradientClaim, 50));
  test('caught: a Hessian evaluated at the origin', () => failsOn(withPoint(analyticFunction().map(staleHessian)), hessianClaim, 50));
});
