/** m-sharpness claims (properties.md E7, E8), by exact enumeration of all size-m subsets. */
import fc from 'fast-check';
import { length, minus, plus, times } from '../../oracle/vector.js';
import {
  expectedAscentGradient,
  expectedSquaredNorm,
  finitePopulationFactor,
  fullGradient,
  gradientVarianceTrace,
  penaltyGradient,
  usamMicro,
  type MicroPerturbation,
  type QuadraticSum,
} from '../../oracle/claims/msharpness.js';
import { symmetricUniform, unitUniform } from './cases.js';
import { perCase, type Claim } from './registry.js';

export interface MSharpnessCase {
  sum: QuadraticSum;
  theta: number[];
  m: number;
  rho: number;
}

/** n ∈ 3..6, d ∈ 1..3, A_i = B_iᵀB_i + shift_i·I (shift ∈ [−0.5, 0.5]), centres and θ in [−1, 1]^d, m ∈ 1..n. */
export const mSharpnessCaseArb: fc.Arbitrary<MSharpnessCase> = fc
  .record({ n: fc.integer({ min: 3, max: 6 }), d: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, d }) => {
    const vec = fc.array(symmetricUniform, { minLength: d, maxLength: d });
    return fc.record({
      factors: fc.array(fc.array(vec, { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
      shifts: fc.array(symmetricUniform.map((u) => u / 2), { minLength: n, maxLength: n }),
      centers: fc.array(vec, { minLength: n, maxLength: n }),
      theta: vec,
      m: fc.integer({ min: 1, max: n }),
      rho: unitUniform.map((u) => 1e-3 * 1e3 ** u),
    });
  })
  .map((r) => {
    const d = r.theta.length;
    const matrices = r.factors.map((b, i) =>
      Array.from({ length: d }, (_, p) => Array.from({ length: d }, (_, q) => b.reduce((s, row) => s + row[p] * row[q], 0) + (p === q ? r.shifts[i] : 0))),
    );
    return { sum: { matrices, centers: r.centers }, theta: r.theta, m: r.m, rho: r.rho };
  });

/** E7: E_B[∇f_B(θ + ρ∇f_B(θ))] = ∇f(θ) + (ρ/2)∇E_B‖∇f_B‖²(θ) (penalty gradient by central differences). */
export const driftIdentityHolds =
  (rule: MicroPerturbation = usamMicro) =>
  (c: MSharpnessCase): boolean => {
    const lhs = expectedAscentGradient(c.sum, c.m, c.theta, c.rho, rule);
    const rhs = plus(fullGradient(c.sum, c.theta), times(c.rho / 2, penaltyGradient(c.sum, c.m, c.theta)));
    return length(minus(lhs, rhs)) <= 1e-9 * (1 + length(lhs));
  };

/** E8: E_B‖∇f_B‖² = ‖∇f‖² + tr Σ·c(m); c strictly decreasing in m, c(n) = 0. */
export const varianceFormulaHolds =
  (factor: (n: number, m: number) => number = finitePopulationFactor) =>
  (c: MSharpnessCase): boolean => {
    const n = c.sum.matrices.length;
    const lhs = expectedSquaredNorm(c.sum, c.m, c.theta);
    const rhs = length(fullGradient(c.sum, c.theta)) ** 2 + gradientVarianceTrace(c.sum, c.theta) * factor(n, c.m);
    const monotone = Array.from({ length: n - 1 }, (_, i) => factor(n, i + 1) > factor(n, i + 2)).every(Boolean);
    return Math.abs(lhs - rhs) <= 1e-12 * (1 + lhs) && monotone && factor(n, n) === 0;
  };

const LUO = 'Foret et al., arXiv 2010.01412 (m-sharpness); Luo et al. (variance view, abstract); identity derived';

export const mSharpnessClaims: Claim[] = [
  {
    id: 'E7',
    claim: 'm-USAM drift: E_B[∇f_B(θ + ρ∇f_B(θ))] = ∇[f + (ρ/2)E_B‖∇f_B‖²](θ)',
    source: LUO,
    conditions: 'quadratic per-sample losses (A_i symmetric, indefinite allowed), B uniform without replacement, all C(n, m) subsets, n ≤ 6',
    status: 'always',
    property: 'm-USAM drift is the gradient of the variance-penalised loss',
    run: perCase(mSharpnessCaseArb, driftIdentityHolds(), 100),
  },
  {
    id: 'E8',
    claim: 'E_B‖∇f_B‖² = ‖∇f‖² + tr Σ·(n − m)/(m(n − 1)); the factor decreases in m and is 0 at m = n',
    source: 'finite-population sampling without replacement (derived)',
    conditions: 'as E7',
    status: 'always',
    property: 'm-sharpness noise term has the finite-population factor',
    run: perCase(mSharpnessCaseArb, varianceFormulaHolds(), 100),
  },
];
