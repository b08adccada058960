/**
 * Random quadratic cases for the direction claims (properties.md X1–X3, X6): spectrum log-uniform
 * in a range (random signs for the indefinite family), a random rotation (d Householder
 * reflections), g_0 uniform in [−1, 1]^d, κ log-uniform, ρ = κ‖g_0‖/max|λ|, ρ_max = ratio·ρ.
 */
import fc from 'fast-check';
import type { DirectionCase } from '../../oracle/claims/directions.js';
import { hessianTimes } from '../../oracle/claims/directions.js';
import { orthogonalColumns, eigenCoordinates } from '../../oracle/claims/quadratic.js';
import { dot, length, minus, times, unit } from '../../oracle/vector.js';

export interface CaseFamily {
  dims?: [number, number];
  /** |λ| range (default [1, 1000], ensemble A). */
  lambda?: [number, number];
  indefinite?: boolean;
  kappa: [number, number];
  /** ρ_max/ρ: a fixed ratio or a log-uniform range. */
  rhoMaxOverRho: number | [number, number];
  /** Ascent steps k range for multi-step claims (default [2, 5]). */
  steps?: [number, number];
}

export interface GeneratedCase extends DirectionCase {
  kappa: number;
  steps: number;
}

// fc.double is uniform over float bit patterns (mostly tiny magnitudes); these are uniform in value.
const RESOLUTION = 0x7fffffff;
export const unitUniform = fc.integer({ min: 0, max: RESOLUTION }).map((i) => i / RESOLUTION);
export const symmetricUniform = unitUniform.map((u) => 2 * u - 1);
const unitDouble = unitUniform;
const logUniform = (u: number, [lo, hi]: [number, number]): number => lo * (hi / lo) ** u;

/** g_0 has a non-negligible part on the top eigenvector (no hard case) and is not an eigenvector. */
export function nonDegenerate(c: DirectionCase): boolean {
  const y = eigenCoordinates(c.eigen, c.g0);
  const top = c.eigen.values.indexOf(Math.max(...c.eigen.values));
  const hg = hessianTimes(c.eigen, unit(c.g0, 0));
  const off = length(minus(hg, times(dot(hg, unit(c.g0, 0)), unit(c.g0, 0))));
  return Math.abs(y[top]) >= 1e-3 * length(c.g0) && off >= 1e-3 * length(hg);
}

export function caseArb(family: CaseFamily): fc.Arbitrary<GeneratedCase> {
  const [dLo, dHi] = family.dims ?? [2, 6];
  const [kLo, kHi] = family.steps ?? [2, 5];
  return fc
    .integer({ min: dLo, max: dHi })
    .chain((d) =>
      fc.record({
        lambdaUnits: fc.array(unitDouble, { minLength: d, maxLength: d }),
        signs: fc.array(fc.boolean(), { minLength: d, maxLength: d }),
        reflections: fc.array(fc.array(symmetricUniform, { minLength: d, maxLength: d }), { minLength: d, maxLength: d }),
        g0: fc.array(symmetricUniform, { minLength: d, maxLength: d }),
        kappaUnit: unitDouble,
        ratioUnit: unitDouble,
        steps: fc.integer({ min: kLo, max: kHi }),
      }),
    )
    .filter((r) => length(r.g0) > 0.1 && r.reflections.every((v) => length(v) > 0.1))
    .map((r) => {
      const d = r.g0.length;
      const magnitudes = r.lambdaUnits.map((u) => logUniform(u, family.lambda ?? [1, 1000]));
      // Indefinite: random signs, with at least one eigenvalue of each sign.
      const values = magnitudes.map((m, i) => (family.indefinite && (i === 1 || (i > 1 && r.signs[i])) ? -m : m));
      const eigen = { values, vectors: orthogonalColumns(d, r.reflections) };
      const kappa = logUniform(r.kappaUnit, family.kappa);
      const rho = (kappa * length(r.g0)) / Math.max(...magnitudes);
      const ratio = typeof family.rhoMaxOverRho === 'number' ? family.rhoMaxOverRho : logUniform(r.ratioUnit, family.rhoMaxOverRho);
      return { eigen, g0: r.g0, rho, rhoMax: ratio * rho, kappa, steps: r.steps };
    })
    .filter(nonDegenerate);
}
