/** Sharpness estimators (spec/claims.md E11): power iteration and Lanczos on the tfjs FD HVP vs mathjs eigs. */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { dominantNegativeArb, largestAlgebraic, lanczosMatchesEigs, powerIterationFinds, tieReportedHonestly, defaultPower } from '../../src/analysis/checks/sharpness.js';
import { withQuadraticObjective } from '../../src/analysis/checks/tf_quadratic.js';
import { powerIteration } from '../../src/analysis/hessian.js';
import { symmetricUniform } from '../../src/analysis/checks/cases.js';
import { perCase } from '../../src/analysis/checks/registry.js';
import { expectCaught, expectClaimHolds } from './helpers.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

describe('E11: power iteration and Lanczos', () => {
  it('power iteration on diag(−10, 3) reports ≈ −10 (|λ| = 10), not 3, with no tensor leak', () => {
    const before = tf.memory().numTensors;
    const r = withQuadraticObjective([[-10, 0], [0, 3]], (objective) => {
      const params = [tf.tensor1d([0.4, -0.7])];
      const out = powerIteration(objective, params, { tol: 1e-4, seed: 5 });
      tf.dispose(params);
      return out;
    });
    expect(Math.abs(r.eigenvalue + 10)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(r.norm - 10)).toBeLessThanOrEqual(0.1);
    expect(tf.memory().numTensors).toBe(before);
  });
  it('power iteration finds the largest-magnitude eigenvalue', () => expectClaimHolds('E11-magnitude'));
  it('catches the expectation "largest algebraic eigenvalue"', () => expectCaught(perCase(dominantNegativeArb, powerIterationFinds(largestAlgebraic), 25)()));
  it('power iteration reports ±λ ties honestly', () => expectClaimHolds('E11-tie'));
  const tieArb = fc.record({
    reflections: fc.array(fc.array(symmetricUniform, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 3 }).filter((vs) => vs.every((v) => Math.hypot(...v) > 0.1)),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  });
  it('catches |Rayleigh quotient| reported as the norm, unflagged', () =>
    expectCaught(
      perCase(
        tieArb,
        tieReportedHonestly((o, p, s) => {
          const r = defaultPower(o, p, s);
          return { eigenvalue: r.eigenvalue, norm: Math.abs(r.eigenvalue), signAmbiguous: false };
        }),
        20,
      )(),
    ));
  it('Lanczos top-k matches mathjs eigs', () => expectClaimHolds('E11-lanczos'));
  it("catches ordering by largest algebraic value ('LA') where magnitude is expected", () =>
    expectCaught(perCase(dominantNegativeArb.chain((c) => fc.integer({ min: 1, max: 3 }).map((k) => ({ ...c, k }))), lanczosMatchesEigs('LA'), 25)()));
});
