/**
 * Quadratics of every kind (spd, psd, indefinite; rotations from 0–3 Householder reflections):
 * the symbolic Hessian is Q diag(λ) Qᵀ, mathjs eigs recovers λ, and the Hessian is constant.
 */
import { describe, test } from 'vitest';
import fc from 'fast-check';
import { point, quadraticFunction, quarticSpec, built } from '../arbitraries/index.js';
import type { AnalyticFunction } from '../../src/oracle/functions/index.js';
import { eigsSpectrumError, hessianVariation, spectralHessianError, U64, within } from './claims.js';
import { failsOn, transposedEigenvectors, unscaledEigen } from './broken.js';

/** Entrywise products of three unit-size numbers summed over d: a few ulps per entry. */
const TOL_SPECTRAL = 16 * 6 * U64;
/** environment.md: float64 eigs residuals ≈ 1e-13 on 10×10; here d ≤ 5. */
const TOL_EIGS = 1e-13;

const anyQuadratic = fc.oneof(quadraticFunction('spd'), quadraticFunction('psd'), quadraticFunction('indefinite'));
/** Also scaled and shifted copies, whose eigen fields must follow. */
const quadratics = fc.tuple(anyQuadratic, fc.constantFrom(1, -0.5, 3), fc.constantFrom(0, 2)).map(([f, c, s]) => (c === 1 && s === 0 ? f : f.scaled(c).shifted(s)));
const withPoints = (fns: fc.Arbitrary<AnalyticFunction>) => fns.chain((f) => fc.tuple(fc.constant(f), point(f.dim), point(f.dim)));
type Case = [AnalyticFunction, number[], number[]];

const spectralClaim = ([f, x]: Case) => within('‖H − QΛQᵀ‖', spectralHessianError(f, x), TOL_SPECTRAL);
const eigsClaim = ([f, x]: Case) => within('eigs(H) vs λ', eigsSpectrumError(f, x), TOL_EIGS);
const constantClaim = ([f, x, y]: Case) => within('H(x) − H(y)', hessianVariation(f, x, y), 0);

describe('quadratics', () => {
  test('the symbolic Hessian equals Q diag(λ) Qᵀ', () => fc.assert(fc.property(withPoints(quadratics), spectralClaim), { numRuns: 60 }));
  test('mathjs eigs of the Hessian recovers the spectrum', () => fc.assert(fc.property(withPoints(quadratics), eigsClaim), { numRuns: 60 }));
  test("a quadratic's symbolic Hessian is exactly constant", () => fc.assert(fc.property(withPoints(quadratics), constantClaim), { numRuns: 40 }));
  test('caught: eigenvectors stored as the rows of Q', () => failsOn(withPoints(anyQuadratic.map(transposedEigenvectors)), spectralClaim));
  test('caught: eigenvalues not rescaled by scaled(2)', () => failsOn(withPoints(anyQuadratic.map(unscaledEigen)), eigsClaim));
  test('caught: a quartic passed off as a quadratic', () => failsOn(withPoints(built(quarticSpec())), constantClaim));
});
