/**
 * The XSAM paper's direction claims (properties.md X1, X2, X3, X6) as checks on quadratics, in
 * float64. Each predicate takes the quantity it tests as a parameter so a wrong variant can be
 * plugged in (properties/claims/*.test.ts shows each one failing).
 */
import fc from 'fast-check';
import type { Vector } from '../../oracle/objective.js';
import { angle, unit } from '../../oracle/vector.js';
import { anglesToMaximizer, inPlaneMaximizer, inPlaneProbes, multiStepGradient, probe, probeComparison, type DirectionCase } from '../../oracle/claims/directions.js';
import { caseArb, type CaseFamily, type GeneratedCase } from './cases.js';
import { perCase, rate, type Claim } from './registry.js';

/** PSD, κ ≤ 1 (ensemble-A spectrum), ρ_max/ρ given. */
export const convexFamily = (rhoMaxOverRho: CaseFamily['rhoMaxOverRho'], kappa: [number, number] = [1e-2, 1]): CaseFamily => ({ kappa, rhoMaxOverRho });

/** X1 identity: the direct Δ equals the closed form (relative to the size of its two terms). */
export const deltaIdentityHolds =
  (formula: (c: DirectionCase) => number = (c) => probeComparison(c).deltaFormula) =>
  (c: DirectionCase): boolean => {
  const p = { ...probeComparison(c), deltaFormula: formula(c) };
  const scale = Math.abs(probe(c, c.g0)) + Math.abs(probe(c, multiStepGradient(c, 1)));
  return Math.abs(p.delta - p.deltaFormula) <= 1e-9 * scale;
};

/** X1 threshold: sign(Δ) = sign(ρ_max − r*), cases within 1e-6ρ of r* skipped (their sign is rounding). */
export const thresholdDecides =
  (threshold: (c: DirectionCase) => number = (c) => probeComparison(c).threshold) =>
  (c: DirectionCase): boolean => {
    const r = threshold(c);
    if (Math.abs(c.rhoMax - r) < 1e-6 * c.rho) return true;
    return Math.sign(probeComparison(c).delta) === Math.sign(c.rhoMax - r);
  };

/** X2: ∠(g_1, d*) ≤ ∠(g_0, d*) (cosines compared as angles, atan2 form). */
export const samBeatsLocal =
  (g1: (c: DirectionCase) => Vector = (c) => multiStepGradient(c, 1)) =>
  (c: DirectionCase): boolean => {
    const a = anglesToMaximizer(c, { g0: c.g0, g1: g1(c) });
    return a.g1 <= a.g0;
  };

export const localBeatsSam = (c: DirectionCase): boolean => !samBeatsLocal()(c);

/**
 * X3: the exact in-plane maximiser is not ĝ_1 (|α* − 1| > 1e-6, α* its slerp parameter) and probes
 * at least as high. A fixed α grid cannot decide this: α* can fall within 0.005 of 1.
 */
export const betterMixtureExists =
  (g1: (c: DirectionCase) => Vector = (c) => multiStepGradient(c, 1)) =>
  (c: DirectionCase): boolean => {
    const v = g1(c);
    const best = inPlaneMaximizer(c, v);
    const atOne = probe(c, v);
    return Math.abs(best.alpha - 1) > 1e-6 && best.gain >= atOne - 1e-12 * Math.abs(atOne);
  };

/** X3 location: for κ ≤ 0.1 the best grid α (step 0.1, α_max = 2) is within 0.2 of min(ρ_max/ρ, 2). */
export const bestAlphaNearRatio =
  (target: (c: DirectionCase) => number = (c) => Math.min(c.rhoMax / c.rho, 2)) =>
  (c: DirectionCase): boolean => {
  const alphas = Array.from({ length: 21 }, (_, i) => i / 10);
  const probes = inPlaneProbes(c, alphas);
  const best = alphas[probes.indexOf(Math.max(...probes))];
  return Math.abs(best - target(c)) <= 0.2 + 1e-12;
};

/** X6 (its opposite): g_k is at least as close to d* as g_1, and probes at least as high. */
export const noDegradation =
  (gk: (c: GeneratedCase) => Vector = (c) => multiStepGradient(c, c.steps)) =>
  (c: GeneratedCase): boolean => {
    const g1 = multiStepGradient(c, 1);
    const k = gk(c);
    const a = anglesToMaximizer(c, { g1, gk: k });
    return a.gk <= a.g1 && probe(c, k) >= probe(c, g1);
  };

/** X6 degradation in the loss form: L(θ_0 + ρ_max ĝ_k) < L(θ_0 + ρ_max ĝ_1). */
export const degradesInLoss = (c: GeneratedCase): boolean => probe(c, multiStepGradient(c, c.steps)) < probe(c, multiStepGradient(c, 1));

/** ∠(ĝ_1, ĝ_0) > 0 is what makes the direction claims non-trivial; exported for reports. */
export const samTurn = (c: DirectionCase): number => angle(unit(c.g0, 0), unit(multiStepGradient(c, 1), 0));

const anyOf = (families: CaseFamily[]): fc.Arbitrary<GeneratedCase> => fc.oneof(...families.map(caseArb));

const XSAM = 'Chen & Zhou, arXiv 2603.10048 (XSAM)';

export const directionClaims: Claim[] = [
  {
    id: 'X1-identity',
    claim: 'Δ(ρ_max) = −ρ_max‖g_0‖(1 − cos∠(g_0, g_1)) + ½ρ_max²(R(ĝ_1) − R(ĝ_0))',
    source: `${XSAM}, Prop. 1(i) (exact form derived)`,
    conditions: 'any symmetric H, g_0 ≠ 0; here PSD and indefinite, κ ∈ [1e-2, 10], ρ_max/ρ ∈ [1/4, 2]',
    status: 'always',
    property: 'probe gain difference equals its closed form',
    run: perCase(anyOf([convexFamily([0.25, 2], [1e-2, 10]), { ...convexFamily([0.25, 2], [1e-2, 10]), indefinite: true }]), deltaIdentityHolds(), 150),
  },
  {
    id: 'X1-threshold',
    claim: 'L(θ_0 + ρ_max ĝ_1) > L(θ_0 + ρ_max ĝ_0) iff ρ_max > r* = 2‖g_0‖(1 − cos)/(R(ĝ_1) − R(ĝ_0))',
    source: `${XSAM}, Prop. 1(i) ("ρ_max sufficiently large"); threshold derived`,
    conditions: 'PSD H, g_0 not an eigenvector, κ ∈ [1e-2, 10], ρ_max/ρ ∈ [1/8, 2]; |ρ_max − r*| < 1e-6ρ skipped',
    status: 'always',
    property: 'SAM direction probes higher exactly beyond r*',
    run: perCase(caseArb(convexFamily([0.125, 2], [1e-2, 10])), thresholdDecides(), 200),
  },
  {
    id: 'X2',
    claim: 'cos∠(g_1, d*) ≥ cos∠(g_0, d*): the SAM gradient points closer to the ball maximiser',
    source: `${XSAM}, loss visualisations + Prop. 1 (empirical, "on average" in training)`,
    conditions: 'PSD H, κ ∈ [1e-2, 1], ρ_max/ρ ∈ [1/2, 2] (derived: holds iff ρ_max ≥ ρ/2 to leading order)',
    status: 'always',
    property: 'SAM gradient is closer to d* than the local gradient',
    run: perCase(caseArb(convexFamily([0.5, 2])), samBeatsLocal(), 200),
  },
  {
    id: 'X2-boundary',
    claim: 'Counter-case: at ρ_max = ρ/4 the local gradient g_0 is closer to d* than g_1',
    source: 'derived (properties.md X2; 0% of ensemble A holds X2 at ρ/4, κ ≤ 1)',
    conditions: 'PSD H, κ ∈ [1e-2, 1], ρ_max = ρ/4; rate over 300 cases',
    status: 'counter-case',
    property: 'local gradient wins below ρ/2 (rate ≥ 0.95)',
    run: rate({ arb: caseArb(convexFamily(0.25)), shows: localBeatsSam, min: 0.95, cases: 300 }),
  },
  {
    id: 'X3',
    claim: 'Some in-plane mixture v(α), α ≠ 1, probes strictly higher than ĝ_1',
    source: `${XSAM}, Prop. 1(ii)`,
    conditions: 'PSD H, g_0 not an eigenvector, κ ∈ [1e-2, 1], ρ_max/ρ ∈ [1/4, 2]; exact in-plane maximiser, |α* − 1| > 1e-6',
    status: 'always',
    property: 'a better in-plane mixture exists',
    run: perCase(caseArb(convexFamily([0.25, 2])), betterMixtureExists(), 150),
  },
  {
    id: 'X3-location',
    claim: 'The best grid α is ≈ min(ρ_max/ρ, α_max)',
    source: 'derived (properties.md X3 test recipe)',
    conditions: 'PSD H, κ ∈ [1e-3, 0.1], ρ_max/ρ ∈ [1/4, 2], grid step 0.1, α_max = 2; tolerance 0.2',
    status: 'always',
    property: 'best in-plane α sits near ρ_max/ρ',
    run: perCase(caseArb(convexFamily([0.25, 2], [1e-3, 0.1])), bestAlphaNearRatio(), 150),
  },
  {
    id: 'X6-no-degradation',
    claim: 'No multi-step degradation: ∠(g_k, d*) ≤ ∠(g_1, d*) and L(θ_0 + ρ_max ĝ_k) ≥ L(θ_0 + ρ_max ĝ_1)',
    source: `${XSAM} claims degradation for k > 1 (empirical); its opposite is derived on convex quadratics`,
    conditions: 'PSD H, κ ∈ [1e-2, 1], ρ_max/ρ ∈ [1, 2], k ∈ 2..5, fixed path length ρ (§5(a))',
    status: 'always',
    property: 'multi-step SAM does not degrade on convex quadratics',
    run: perCase(caseArb(convexFamily([1, 2])), noDegradation(), 150),
  },
  {
    id: 'X6-degradation-nonconvex',
    claim: 'Multi-step degradation does appear on indefinite quadratics (loss form)',
    source: `${XSAM} (empirical, "may degrade"); rate on indefinite quadratics observed 43–55%`,
    conditions: 'indefinite H, κ ∈ [1e-2, 0.1], ρ_max = 2ρ, k ∈ 2..5; rate over 300 cases',
    status: 'on average',
    property: 'degradation rate on indefinite quadratics ≥ 0.2',
    run: rate({ arb: caseArb({ ...convexFamily(2, [1e-2, 0.1]), indefinite: true }), shows: degradesInLoss, min: 0.2, cases: 300 }),
  },
  {
    id: 'X6-degradation-small-probe',
    claim: 'Multi-step degradation appears on convex quadratics when ρ_max ≤ ρ/2',
    source: 'derived (properties.md X6: 100% of ensemble A at ρ_max ≤ ρ/2, κ ≤ 1)',
    conditions: 'PSD H, κ ∈ [1e-2, 1], ρ_max = ρ/4, k ∈ 2..5; rate over 300 cases',
    status: 'counter-case',
    property: 'degradation rate below ρ/2 ≥ 0.9',
    run: rate({ arb: caseArb(convexFamily(0.25)), shows: degradesInLoss, min: 0.9, cases: 300 }),
  },
];

