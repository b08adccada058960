/**
 * XSAM's direction claims on quadratics (spec/claims.md X1, X2, X3, X6), each with the wrong
 * variant or wrong condition it must catch.
 */
import { describe, it } from 'vitest';
import {
  betterMixtureExists,
  bestAlphaNearRatio,
  convexFamily,
  deltaIdentityHolds,
  degradesInLoss,
  localBeatsSam,
  noDegradation,
  samBeatsLocal,
  thresholdDecides,
} from '../../src/analysis/checks/directions.js';
import { caseArb } from '../../src/analysis/checks/cases.js';
import { perCase, rate } from '../../src/analysis/checks/registry.js';
import { inPlaneMaximizer, probeComparison } from '../../src/oracle/claims/directions.js';
import { expectCaught, expectClaimHolds } from './helpers.js';

describe('X1: probe gain of the SAM direction (Prop. 1(i))', () => {
  it('probe gain difference equals its closed form', () => expectClaimHolds('X1-identity'));
  it('catches the closed form evaluated at ρ instead of ρ_max', () =>
    expectCaught(perCase(caseArb(convexFamily([0.25, 2], [1e-2, 10])), deltaIdentityHolds((c) => probeComparison({ ...c, rhoMax: c.rho }).deltaFormula), 150)()));
  it('SAM direction probes higher exactly beyond r*', () => expectClaimHolds('X1-threshold'));
  it('catches the small-κ threshold ρ/2 used in place of r*', () =>
    expectCaught(perCase(caseArb(convexFamily([0.125, 2], [1e-2, 10])), thresholdDecides((c) => c.rho / 2), 200)()));
});

describe('X2: SAM gradient vs local gradient, measured against d*', () => {
  it('SAM gradient is closer to d* than the local gradient (ρ_max ∈ [ρ/2, 2ρ], κ ≤ 1)', () => expectClaimHolds('X2'));
  it('catches the wrong condition ρ_max = ρ/4', () => expectCaught(perCase(caseArb(convexFamily(0.25)), samBeatsLocal(), 200)()));
  it('local gradient wins below ρ/2 (rate)', () => expectClaimHolds('X2-boundary'));
  it('catches the boundary rate asserted at ρ_max ∈ [ρ/2, 2ρ]', () =>
    expectCaught(rate({ arb: caseArb(convexFamily([0.5, 2])), shows: localBeatsSam, min: 0.95, cases: 300 })()));
});

describe('X3: a better in-plane mixture exists (Prop. 1(ii))', () => {
  it('a better in-plane mixture exists', () => expectClaimHolds('X3'));
  it('catches a g_1 that already is the in-plane maximiser', () =>
    expectCaught(perCase(caseArb(convexFamily([0.25, 2])), betterMixtureExists((c) => inPlaneMaximizer(c).direction), 150)()));
  it('best in-plane α sits near ρ_max/ρ', () => expectClaimHolds('X3-location'));
  it('catches the expectation α* = 1 (SAM is best)', () =>
    expectCaught(perCase(caseArb(convexFamily([0.25, 2], [1e-3, 0.1])), bestAlphaNearRatio(() => 1), 150)()));
});

describe('X6: multi-step degradation', () => {
  it('multi-step SAM does not degrade on convex quadratics (ρ_max ≥ ρ, κ ≤ 1)', () => expectClaimHolds('X6-no-degradation'));
  it('catches the wrong condition ρ_max = ρ/4', () => expectCaught(perCase(caseArb(convexFamily(0.25)), noDegradation(), 150)()));
  it('degradation rate on indefinite quadratics ≥ 0.2', () => expectClaimHolds('X6-degradation-nonconvex'));
  it('catches the same rate asserted on convex quadratics', () =>
    expectCaught(rate({ arb: caseArb(convexFamily(2, [1e-2, 0.1])), shows: degradesInLoss, min: 0.2, cases: 300 })()));
  it('degradation rate below ρ/2 ≥ 0.9', () => expectClaimHolds('X6-degradation-small-probe'));
  it('catches the same rate asserted at ρ_max = 2ρ', () => expectCaught(rate({ arb: caseArb(convexFamily(2)), shows: degradesInLoss, min: 0.9, cases: 300 })()));
});
