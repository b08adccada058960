/**
 * The neighbourhood-maximum oracle's own claims: on quadratics the exact trust-region maximiser
 * and the certified numerical maximiser agree; no sampled point of the ball beats the maximiser.
 */
import fc from 'fast-check';
import type { Eigen } from '../../oracle/functions/types.js';
import type { OracleObjective, Vector } from '../../oracle/objective.js';
import { quadraticBallMaximizer, numericalBallMaximizer, bestSampledGain, type NumericalMaximizerOptions } from '../../oracle/maximizer/index.js';
import { localModel } from '../../oracle/claims/directions.js';
import { caseArb, type GeneratedCase } from './cases.js';
import { symmetricUniform, unitUniform } from './cases.js';
import { perCase, type Claim } from './registry.js';

/** An exact maximiser: the ball offset δ* and its gain. */
export type ExactMaximizer = (eigen: Eigen, g: Vector, radius: number) => { delta: Vector; gain: number };
export const trustRegion: ExactMaximizer = quadraticBallMaximizer;

/** PSD and indefinite quadratics, κ ∈ [1e-2, 10], ρ_max/ρ ∈ [1/4, 4]. */
export const maximizerCaseArb: fc.Arbitrary<GeneratedCase> = fc.oneof(
  caseArb({ kappa: [1e-2, 10], rhoMaxOverRho: [0.25, 4], dims: [2, 5] }),
  caseArb({ kappa: [1e-2, 10], rhoMaxOverRho: [0.25, 4], dims: [2, 5], indefinite: true }),
);

/** M1: exact and numerical maximiser gains agree to 1e-8 relative; both KKT residuals small. */
export const maximizersAgree =
  (exact: ExactMaximizer = trustRegion) =>
  (c: GeneratedCase): boolean => {
    const f = localModel(c.eigen, c.g0);
    const zero = c.g0.map(() => 0);
    const a = exact(c.eigen, c.g0, c.rhoMax);
    const b = numericalBallMaximizer(f, zero, c.rhoMax, { seed: 1, starts: 6 });
    return Math.abs(a.gain - b.gain) <= 1e-8 * Math.abs(a.gain) && b.kktResidual <= 1e-6 && quadraticBallMaximizer(c.eigen, c.g0, c.rhoMax).kktResidual <= 1e-12;
  };

/** M2: none of 500 seeded samples of the ball (half on the sphere) has a larger gain. */
export const noSampleBeats =
  (exact: ExactMaximizer = trustRegion) =>
  (c: GeneratedCase): boolean => {
    const f = localModel(c.eigen, c.g0);
    const best = exact(c.eigen, c.g0, c.rhoMax).gain;
    return bestSampledGain(f, c.g0.map(() => 0), c.rhoMax, 500, 7) <= best + 1e-12 * Math.abs(best);
  };

/** A non-quadratic test function: L(x) = Σ q_i x_i⁴ + Σ s_i x_i²/2 + aᵀx (q_i > 0, s_i of either sign). TODO: use the functions library's quartic. */
export function quartic(q: number[], s: number[], a: number[]): OracleObjective {
  return {
    dim: q.length,
    value: (x) => x.reduce((acc, xi, i) => acc + q[i] * xi ** 4 + 0.5 * s[i] * xi * xi + a[i] * xi, 0),
    gradient: (x) => x.map((xi, i) => 4 * q[i] * xi ** 3 + s[i] * xi + a[i]),
  };
}

export const quarticCaseArb = fc.integer({ min: 2, max: 4 }).chain((d) =>
  fc.record({
    q: fc.array(unitUniform.map((u) => 0.1 + u), { minLength: d, maxLength: d }),
    s: fc.array(symmetricUniform.map((u) => 2 * u), { minLength: d, maxLength: d }),
    a: fc.array(symmetricUniform, { minLength: d, maxLength: d }),
    theta: fc.array(symmetricUniform, { minLength: d, maxLength: d }),
    radius: unitUniform.map((u) => 0.05 * 20 ** u),
  }),
);

/** M3: on a non-quadratic function the certified maximiser has a small KKT residual, and no sample beats it. */
export const numericalCertified =
  (options: NumericalMaximizerOptions = { seed: 3 }) =>
  (c: { q: number[]; s: number[]; a: number[]; theta: number[]; radius: number }): boolean => {
  const f = quartic(c.q, c.s, c.a);
  const m = numericalBallMaximizer(f, c.theta, c.radius, options);
  const sampled = bestSampledGain(f, c.theta, c.radius, 500, 11);
  return m.kktResidual <= 1e-6 && sampled <= m.gain + 1e-12 * Math.abs(m.gain);
};

export const maximizerClaims: Claim[] = [
  {
    id: 'M1',
    claim: 'On quadratics the trust-region maximiser (secular equation, log-γ bisection) and the numerical maximiser agree',
    source: 'properties.md, "Oracle for d*"',
    conditions: 'PSD and indefinite H, d ∈ 2..5, κ ∈ [1e-2, 10], ρ_max/ρ ∈ [1/4, 4], top-eigenvector component ≥ 1e-3; gains to 1e-8',
    status: 'always',
    property: 'ball maximiser: exact and numerical agree',
    run: perCase(maximizerCaseArb, maximizersAgree(), 40),
  },
  {
    id: 'M2',
    claim: 'No sampled point of the ball beats the exact maximiser',
    source: 'definition of d*',
    conditions: 'as M1; 500 seeded samples per case',
    status: 'always',
    property: 'ball maximiser: no sample beats it',
    run: perCase(maximizerCaseArb, noSampleBeats(), 60),
  },
  {
    id: 'M3',
    claim: 'On a non-quadratic function the numerical maximiser is KKT-certified and unbeaten by samples',
    source: 'samcheck oracle certificate',
    conditions: 'Σq_i x_i⁴ + Σs_i x_i²/2 + aᵀx, d ∈ 2..4, r ∈ [0.05, 1]; KKT residual ≤ 1e-6, 500 samples',
    status: 'always',
    property: 'numerical maximiser is certified',
    run: perCase(quarticCaseArb, numericalCertified(), 30),
  },
];
