/**
 * Sharpness-estimator claims (properties.md E11): power iteration and Lanczos on the tfjs
 * finite-difference HVP, against mathjs eigs of the exact Hessian (float64).
 */
import fc from 'fast-check';
import * as math from 'mathjs';
import { tf } from '../../tf.js';
import { lanczos, powerIteration, type PowerIterationResult } from '../hessian.js';
import type { Objective } from '../../kernels/types.js';
import { spectralQuadratic } from '../../oracle/claims/quadratic.js';
import { withQuadraticObjective } from './tf_quadratic.js';
import { symmetricUniform, unitUniform } from './cases.js';
import { perCase, type Claim } from './registry.js';

export interface SpectrumCase {
  eigenvalues: number[];
  reflections: number[][];
  theta: number[];
  seed: number;
}

/**
 * d ∈ 2..6, a dominant negative eigenvalue −M (M ∈ [1, 100]) and the rest in (−0.8M, 0.8M), so the
 * largest |λ| is negative and separated (power iteration's rate is |λ_2/λ_1| ≤ 0.8).
 */
export const dominantNegativeArb: fc.Arbitrary<SpectrumCase> = fc.integer({ min: 2, max: 6 }).chain((d) =>
  fc.record({
    eigenvalues: fc
      .record({ top: unitUniform.map((u) => 100 ** u), rest: fc.array(symmetricUniform, { minLength: d - 1, maxLength: d - 1 }) })
      .map(({ top, rest }) => [-top, ...rest.map((r) => 0.8 * top * r)]),
    reflections: fc.array(fc.array(symmetricUniform, { minLength: d, maxLength: d }), { minLength: 1, maxLength: d }).filter((vs) => vs.every((v) => Math.hypot(...v) > 0.1)),
    theta: fc.array(symmetricUniform, { minLength: d, maxLength: d }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  }),
);

/** Runs an estimator at θ (one float32 tensor), freeing it afterwards. */
function atPoint<T>(theta: number[], run: (params: tf.Tensor[]) => T): T {
  const params = [tf.tensor1d(theta)];
  try {
    return run(params);
  } finally {
    tf.dispose(params);
  }
}

/** mathjs eigenvalues of the exact Hessian. */
export const exactEigenvalues = (m: number[][]): number[] => (math.eigs(m).values as number[]).map(Number);

const matrixOf = (c: SpectrumCase): number[][] => spectralQuadratic({ eigenvalues: c.eigenvalues, reflections: c.reflections, center: c.theta.map(() => 0) }).matrix;

/** Which eigenvalue the caller expects power iteration to report. */
export type Expected = (eigenvalues: number[]) => number;
export const largestMagnitude: Expected = (ls) => ls.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
export const largestAlgebraic: Expected = (ls) => Math.max(...ls);

/** E11: the Rayleigh quotient ≈ the expected eigenvalue and ‖Hv‖ ≈ its magnitude (1e-2 relative, tol = 1e-4). */
export const powerIterationFinds =
  (expected: Expected) =>
  (c: SpectrumCase): boolean => {
    const m = matrixOf(c);
    const target = expected(exactEigenvalues(m));
    const r = withQuadraticObjective(m, (objective) => atPoint(c.theta, (params) => powerIteration(objective, params, { tol: 1e-4, maxIterations: 500, seed: c.seed })));
    return Math.abs(r.eigenvalue - target) <= 1e-2 * Math.abs(target) && Math.abs(r.norm - Math.abs(target)) <= 1e-2 * Math.abs(target) && !r.signAmbiguous;
  };

/** E11 ±λ tie: on diag(3, −3, 1) (rotated) ‖Hv‖ ≈ 3 (1%), and a Rayleigh quotient more than 5% off ±3 is flagged. */
export type PowerEstimator = (objective: Objective, params: tf.Tensor[], seed: number) => Pick<PowerIterationResult, 'eigenvalue' | 'norm' | 'signAmbiguous'>;
export const defaultPower: PowerEstimator = (objective, params, seed) => powerIteration(objective, params, { seed });

export const tieReportedHonestly =
  (estimator: PowerEstimator = defaultPower) =>
  (c: { reflections: number[][]; seed: number }): boolean => {
  const m = spectralQuadratic({ eigenvalues: [3, -3, 1], reflections: c.reflections, center: [0, 0, 0] }).matrix;
  const r = withQuadraticObjective(m, (objective) => atPoint([0.3, -0.2, 0.5], (params) => estimator(objective, params, c.seed)));
  // Unflagged means |vᵀHv| ≥ 0.95‖Hv‖ (the default tie tolerance), so "right" is within 5% of ±3.
  const rayleighRight = Math.abs(Math.abs(r.eigenvalue) - 3) <= 0.15;
  return Math.abs(r.norm - 3) <= 0.03 && (rayleighRight || r.signAmbiguous);
};

/**
 * Lanczos (full Krylov space, full reorthogonalisation) top-k by magnitude = mathjs eigs' top-k:
 * the magnitudes agree in order and every Ritz value is an exact eigenvalue (1e-3 of max|λ|);
 * near-equal magnitudes of opposite sign may come in either order.
 */
export const lanczosMatchesEigs =
  (which: 'LM' | 'LA' = 'LM') =>
  (c: SpectrumCase & { k: number }): boolean => {
  const m = matrixOf(c);
  const exact = exactEigenvalues(m).sort((a, b) => Math.abs(b) - Math.abs(a));
  const k = Math.min(c.k, exact.length);
  const r = atPoint(c.theta, (params) => withQuadraticObjective(m, (objective) => lanczos(objective, params, { k, seed: c.seed, which })));
  const tol = 1e-3 * Math.abs(exact[0]);
  return (
    r.eigenvalues.length === k &&
    r.eigenvalues.every((l, i) => Math.abs(Math.abs(l) - Math.abs(exact[i])) <= tol && exact.some((e) => Math.abs(l - e) <= tol))
  );
};

const LB = 'Long & Bartlett (google-deepmind/sam_edge hessian_norm.py); Cohen et al. (eigsh, which="LM")';

export const sharpnessClaims: Claim[] = [
  {
    id: 'E11-magnitude',
    claim: 'Power iteration on the FD HVP returns the eigenvalue of largest |λ| (e.g. −10 on diag(−10, 3)), not the largest λ',
    source: LB,
    conditions: 'quadratic, dominant negative eigenvalue with |λ_2/λ_1| ≤ 0.8, ε_fd = 1e-3, tol = 1e-4, float32 tfjs HVP; 1e-2 relative',
    status: 'always',
    property: 'power iteration finds the largest-magnitude eigenvalue',
    run: perCase(dominantNegativeArb, powerIterationFinds(largestMagnitude), 25),
  },
  {
    id: 'E11-tie',
    claim: 'With ±λ ties ‖Hv‖ stays correct and an unreliable Rayleigh quotient is flagged',
    source: 'derived (algorithms.md §10.1 edge cases)',
    conditions: 'H = Q diag(3, −3, 1)Qᵀ, default tol = 1e-3; 1e-2 relative',
    status: 'always',
    property: 'power iteration reports ±λ ties honestly',
    run: perCase(
      fc.record({ reflections: fc.array(fc.array(symmetricUniform, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 3 }).filter((vs) => vs.every((v) => Math.hypot(...v) > 0.1)), seed: fc.integer({ min: 0, max: 1_000_000 }) }),
      tieReportedHonestly(),
      20,
    ),
  },
  {
    id: 'E11-lanczos',
    claim: 'Lanczos with full reorthogonalisation on the FD HVP returns the top-k eigenvalues (by magnitude)',
    source: 'Cohen et al., locuslab/edge-of-stability (eigsh)',
    conditions: 'quadratic, d ∈ 2..6, k ∈ 1..3, Krylov dimension d; 1e-3 of max|λ|',
    status: 'always',
    property: 'Lanczos top-k matches mathjs eigs',
    run: perCase(
      dominantNegativeArb.chain((c) => fc.integer({ min: 1, max: 3 }).map((k) => ({ ...c, k }))),
      lanczosMatchesEigs(),
      25,
    ),
  },
];
