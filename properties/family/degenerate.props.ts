import { beforeAll, describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { useBackend } from '../../src/backend/index.js';
import { NonFiniteError } from '../../src/errors.js';
import { fixedPathLength, multiStepGradient } from '../../src/kernels/ascent.js';
import { linear, quadratic } from '../../src/oracle/functions/index.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import { length, minus, plus, times, unit } from '../../src/oracle/vector.js';
import { oracleAscent } from '../../src/oracle/ascent.js';
import { closeTo, oracleObjective, problemArb, type Problem } from './problems.js';
import { conditionedProblemArb, findsCounterexample, kernelRun, wellConditioned } from './harness.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const rho = fc.double({ min: 0.01, max: 0.5, noNaN: true });
const k = fc.integer({ min: 1, max: 5 });
const plain = { learningRate: 0.1 };

/** Linear L(θ) = aᵀθ with ‖a‖ ≥ 0.1 (well away from the guard). */
const linearArb = fc
  .record({ a: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }), theta0: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 3, maxLength: 3 }) })
  .filter(({ a }) => length(a) >= 0.1);
const asProblem = (theta0: number[]): Problem => ({ factors: [], shifts: [], centers: [], batch: 1, theta0, sizes: [3] });
const linearObjective = (a: number[]) => linear({ a, b: 0 }, { layout: { names: ['w0'], sizes: [3] } }).tfObjective();

/** X8 linear: XSAM (dynamic, probing), SAM and SGD+ all apply a finite update equal to a. */
function linearAgreement(angle: 'atan2' | 'arccos', { a, theta0 }: { a: number[]; theta0: number[] }, steps: number): boolean {
  const configs: AlgorithmConfig[] = [
    { algorithm: 'xsam', rho: 0.1, rhoMax: 0.2, steps, angle, ...plain },
    { algorithm: 'xsam', rho: 0.1, steps, dynamic: false, alpha: 1, angle, ...plain },
    { algorithm: 'xsam', rho: 0.1, steps: 1, dynamic: false, alpha: 0, angle, ...plain },
  ];
  try {
    return configs.every((c) => closeTo(kernelRun(c, asProblem(theta0), linearObjective(a)).applied, a, 1e-5));
  } catch (e) {
    if (e instanceof NonFiniteError) return false;
    throw e;
  }
}

describe('X8 / H1: on a linear loss XSAM = SAM = SGD+ = a, never NaN (spec/family.md X8)', () => {
  test.prop([linearArb, k], { numRuns: 40 })('atan2 angle: finite and equal', (x, steps) => {
    expect(linearAgreement('atan2', x, steps)).toBe(true);
  });
  it('regression: the reference unclamped arccos gives NaN on some linear loss (hazard H1)', () => {
    const nanFree = ([x, steps]: [{ a: number[]; theta0: number[] }, number]) => {
      try {
        kernelRun({ algorithm: 'xsam', rho: 0.1, steps, dynamic: false, alpha: 1, angle: 'arccos', ...plain }, asProblem(x.theta0), linearObjective(x.a));
        return true;
      } catch (e) {
        if (e instanceof NonFiniteError) return false;
        throw e;
      }
    };
    expect(findsCounterexample(fc.tuple(linearArb, k), nanFree, 100)).toBe(true);
  });
});

/** Sums of isotropic quadratics with a common curvature c: H = c·I. */
const isotropicArb = problemArb()
  .chain((p) =>
    fc.double({ min: 0.2, max: 5, noNaN: true }).map((c) => ({ ...p, factors: p.factors.map((b) => b.map((row) => row.map(() => 0))), shifts: p.shifts.map(() => c) })),
  )
  .filter((p) => wellConditioned(p, p.theta0));

/** X8 isotropic: ψ = 0, ‖θ_k − θ_0‖ = ρ, g_k = g_0 + cρ·ĝ_0, for every k. */
function isotropicHolds(p: Problem, r: number, steps: number, broken = false): boolean {
  const c = p.shifts[0];
  const config: AlgorithmConfig = { algorithm: 'multistep-sam', rho: r, steps, ...plain };
  const run = kernelRun(config, p, undefined, broken ? multiStepGradient(fixedPathLength(r * steps, steps), 1e-12, 'last') : undefined);
  const xsam = kernelRun({ algorithm: 'xsam', rho: r, steps, dynamic: false, ...plain }, p);
  const g0 = Array.from(run.clean);
  const expected = plus(g0, times((c * r) / length(g0), g0));
  return xsam.scalars.psi <= 2e-3 && Math.abs(length(Array.from(run.perturbation!)) - r) <= 1e-5 * (1 + r) && closeTo(run.applied, expected, 1e-5);
}

describe('X8 isotropic H = cI: ψ = 0, displacement ρ, g_k = g_0 + cρĝ_0', () => {
  test.prop([isotropicArb, rho, k], { numRuns: 30 })('holds for fixed-path multi-step SAM and XSAM', (p, r, steps) => {
    expect(isotropicHolds(p, r, steps)).toBe(true);
  });
  it('catches ρ not divided by k', () => {
    expect(findsCounterexample(fc.tuple(isotropicArb, rho, fc.integer({ min: 2, max: 5 })), ([p, r, s]) => isotropicHolds(p, r, s, true), 20)).toBe(true);
  });
});

/** C1: ‖θ_k − θ_0‖ ≤ ρ for both multi-step parametrisations labelled SAM. */
function displacementBounded(p: Problem, r: number, steps: number, ascent: 'fixed-path' | 'projected', c: number, broken = false): boolean {
  const config: AlgorithmConfig = { algorithm: 'multistep-sam', rho: r, steps, ascent, stepSizeMultiplier: c, ...plain };
  // Broken: the optax-style unprojected ascent, steps of c·ρ added with no projection.
  const estimator = broken ? multiStepGradient(fixedPathLength(c * r * steps, steps), 1e-12, 'last') : undefined;
  return length(Array.from(kernelRun(config, p, undefined, estimator).perturbation!)) <= r * (1 + 1e-6);
}

const ascentArb = fc.tuple(conditionedProblemArb(), rho, k, fc.constantFrom('fixed-path' as const, 'projected' as const), fc.constantFrom(0.5, 1, 2));

describe('C1: multi-step displacement ≤ ρ', () => {
  test.prop([ascentArb], { numRuns: 40 })('fixed-path and projected', ([p, r, steps, ascent, c]) => {
    expect(displacementBounded(p, r, steps, ascent, c)).toBe(true);
  });
  it('catches the unprojected ascent', () => {
    expect(findsCounterexample(ascentArb, ([p, r, steps, ascent, c]) => displacementBounded(p, r, steps, ascent, c, true), 30)).toBe(true);
  });
  test.prop([conditionedProblemArb(), rho, fc.integer({ min: 2, max: 5 })], { numRuns: 30 })(
    'fixed-path: ρ² − ‖δ_k‖² = (ρ/k)²·Σ_{i<j}‖û_i − û_j‖², so equality iff collinear (float64 oracle of §5(a))',
    (p, r, steps) => {
      const path = oracleAscent(oracleObjective(p), p.theta0, r, steps, 0, 'fixed-path');
      const units = [path.g0, ...path.gradients.slice(0, steps - 1)].map((g) => unit(g, 0));
      let spread = 0;
      for (let i = 0; i < steps; i++) for (let j = i + 1; j < steps; j++) spread += length(minus(units[i], units[j])) ** 2;
      expect(Math.abs(r * r - length(path.delta) ** 2 - (r / steps) ** 2 * spread)).toBeLessThanOrEqual(1e-12 * (1 + r * r));
    },
  );
});

describe('H2: ψ ≈ π is reported, not hidden', () => {
  it('g_1 anti-parallel to the ascent step (a 1-D concave quadratic crossed by the ascent): fallback, zero update, psiNearPi = 1', () => {
    // L = −½(θ − 1)², θ_0 = 0.9, ρ = 0.5: g_0 = 0.1 > 0, θ_1 = 1.4, g_1 = −0.4.
    const concave = quadratic({ eigenvalues: [-1], reflections: [], center: [1] }, { layout: { names: ['w0'], sizes: [1] } });
    const at: Problem = { factors: [], shifts: [], centers: [], batch: 1, theta0: [0.9], sizes: [1] };
    const run = kernelRun({ algorithm: 'xsam', rho: 0.5, dynamic: false, ...plain }, at, concave.tfObjective());
    expect(run.scalars.psiNearPi).toBe(1);
    expect(run.scalars.fallback).toBe(1);
    expect(length(Array.from(run.applied))).toBeLessThanOrEqual(1e-6);
    const calm = kernelRun({ algorithm: 'xsam', rho: 0.05, dynamic: false, ...plain }, at, concave.tfObjective());
    expect(calm.scalars.psiNearPi).toBe(0);
  });
});
