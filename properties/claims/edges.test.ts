/**
 * SAM-edge claims (spec/claims.md E1–E5, E9, C10) on the tfjs kernels' iterates and the edge
 * functions, each with the wrong variant it must catch.
 */
import { beforeAll, describe, it } from 'vitest';
import fc from 'fast-check';
import { useBackend } from '../../src/backend/index.js';
import {
  cycleCaseArb,
  edgeArgsArb,
  edgeCovariant,
  edgeLimits,
  edgeMatchesOracle,
  edgeSpecialValues,
  gdEdgeDecides,
  growsIffAboveEdge,
  momentumCaseArb,
  multiplierMatchesKernel,
  samEdgeOf,
  samStepMultiplier,
  stepCaseArb,
  trajectoryCovariant,
  twoCycleOnEdge,
  usamStepMultiplier,
  type Edge,
} from '../../src/analysis/checks/edges.js';
import { samEdge, gdEdge } from '../../src/analysis/edges.js';
import { perCase } from '../../src/analysis/checks/registry.js';
import { expectCaught, expectClaimHolds } from './helpers.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** The root form of sam_edge.py: loses digits when 8ρ/(ηG) is tiny, NaN at ρ = 0 or G = 0. */
const rootFormEdge: Edge = (eta, rho, g) => (g / (2 * rho)) * (Math.sqrt(1 + (8 * rho) / (eta * g)) - 1);
const psdStep = stepCaseArb([0.1, 10], false, [1e-2, 0.5], [1e-2, 1]);

describe('E1: SAM one-step multiplier and edge (tfjs SAM kernel)', () => {
  it('SAM kernel step has the exact quadratic multiplier', () => expectClaimHolds('E1'));
  it("catches USAM's multiplier 1 − ηλ − ηρλ² (no 1/‖g‖)", () =>
    expectCaught(perCase(stepCaseArb([0.1, 10], true, [1e-3, 0.5], [1e-3, 0.5]), multiplierMatchesKernel('sam', usamStepMultiplier), 40)()));
  it('SAM kernel component grows iff above the SAM-edge', () => expectClaimHolds('E1-edge'));
  it('catches the GD edge 2/η used for SAM', () => expectCaught(perCase(psdStep, growsIffAboveEdge('sam', samEdgeOf((eta) => gdEdge(eta))), 40)()));
});

describe('E2: GD and momentum edges (tfjs SGD kernel)', () => {
  it('SGD kernel diverges iff above its edge', () => expectClaimHolds('E2'));
  it('catches 2/η used with momentum', () => expectCaught(perCase(momentumCaseArb, gdEdgeDecides((eta) => 2 / eta), 20)()));
});

describe('E3, C10: the SAM-edge function', () => {
  it('SAM-edge has its defining identity, bounds, monotonicity and limits', () => expectClaimHolds('E3'));
  it('catches the root form (its limit 2/η loses digits)', () => expectCaught(perCase(edgeArgsArb, edgeLimits(rootFormEdge), 300)()));
  it('SAM-edge kernel is stable and has the special values', () => expectClaimHolds('C10'));
  it('catches the root form against the 64-digit oracle', () => expectCaught(perCase(edgeArgsArb, edgeMatchesOracle(rootFormEdge), 300)()));
  it('catches the root form at the special values', () => expectCaught(perCase(edgeArgsArb, edgeSpecialValues(rootFormEdge), 50)()));
});

describe('E4: USAM multiplier and edge (tfjs USAM kernel)', () => {
  it('USAM kernel step has its multiplier and edge', () => expectClaimHolds('E4'));
  it("catches SAM's multiplier (with 1/‖g‖) for USAM", () => expectCaught(perCase(psdStep, multiplierMatchesKernel('usam', samStepMultiplier), 40)()));
  it("catches SAM's edge E(η, ρ, ‖g‖) for USAM", () => expectCaught(perCase(psdStep, growsIffAboveEdge('usam', samEdgeOf(samEdge)), 40)()));
});

describe('E5: the 2-cycle on the edge', () => {
  it('SAM 2-cycle lies on the SAM-edge', () => expectClaimHolds('E5'));
  it('catches the amplitude ηλρ/(1 − ηλ)', () =>
    expectCaught(perCase(cycleCaseArb, twoCycleOnEdge((eta, l, rho) => (eta * l * rho) / (1 - eta * l), samEdge), 40)()));
});

describe('E9: loss scaling', () => {
  it('SAM-edge and SAM trajectories are covariant under loss scaling', () => expectClaimHolds('E9'));
  const scaleArb = edgeArgsArb.chain((a) => fc.double({ min: 0.01, max: 100, noNaN: true }).map((c) => ({ ...a, c })));
  it('catches E(η, ρ, cG) = E(cη, ρ, G) (the factor c dropped)', () =>
    expectCaught(perCase(scaleArb, edgeCovariant((edge, a, c) => edge(c * a.eta, a.rho, a.gradientNorm), samEdge), 100)()));
  it('catches SAM on cL with step cη matched to SAM on L with step cη', () =>
    expectCaught(
      perCase(
        stepCaseArb([0.1, 10], false, [1e-3, 0.1], [1e-3, 0.1]).chain((s) => fc.constantFrom(0.1, 10).map((c) => ({ ...s, c }))),
        trajectoryCovariant((eta, c) => eta * c),
        10,
      )(),
    ));
});
