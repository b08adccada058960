/** m-sharpness claims (spec/claims.md E7, E8) by enumeration of all subsets, with the wrong variants they catch. */
import { describe, it } from 'vitest';
import { driftIdentityHolds, mSharpnessCaseArb, varianceFormulaHolds } from '../../src/analysis/checks/msharpness.js';
import { perCase } from '../../src/analysis/checks/registry.js';
import { length, times } from '../../src/oracle/vector.js';
import { expectCaught, expectClaimHolds } from './helpers.js';

describe('E7, E8: m-USAM drift and the finite-population variance', () => {
  it('m-USAM drift is the gradient of the variance-penalised loss', () => expectClaimHolds('E7'));
  it('catches the normalised (m-SAM) perturbation ρ∇f_B/‖∇f_B‖', () =>
    expectCaught(perCase(mSharpnessCaseArb, driftIdentityHolds((g, rho) => times(rho / length(g), g)), 100)()));
  it('m-sharpness noise term has the finite-population factor', () => expectClaimHolds('E8'));
  it('catches the with-replacement factor 1/m', () => expectCaught(perCase(mSharpnessCaseArb, varianceFormulaHolds((_n, m) => 1 / m), 100)()));
});
