/**
 * Claim: Hessian-vector products (double backprop with the second-order gradient fix, and central
 * finite differences) equal H·v of a hand-derived float64 Hessian of a quadratic + tanh + exp +
 * sigmoid + softmax test function, on cpu and wasm.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exactHvp, finiteDifferenceHvp, useBackend } from '../../src/backend/index.js';
import { HVP_RTOL, hvpAgreesWithExactHessian } from './hvp_agreement.js';

describe.each(['cpu', 'wasm'])('Hessian-vector products on %s', (backend) => {
  it(`double backprop (fix on) is within ${HVP_RTOL.exact} of the exact H·v`, async () => {
    await useBackend({ backend });
    fc.assert(hvpAgreesWithExactHessian('exact', exactHvp), { numRuns: 60, seed: 5 });
    expect(true).toBe(true);
  });

  it(`central finite differences are within ${HVP_RTOL.finiteDifference} of the exact H·v (no fix needed)`, async () => {
    await useBackend({ backend, fixes: false });
    try {
      fc.assert(hvpAgreesWithExactHessian('finiteDifference', finiteDifferenceHvp), { numRuns: 60, seed: 6 });
    } finally {
      await useBackend({ backend });
    }
    expect(true).toBe(true);
  });
});
