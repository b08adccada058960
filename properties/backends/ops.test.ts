/**
 * Claim: the element-wise ops and reductions the SAM kernels use agree between cpu and wasm (and
 * webgpu over Dawn when it starts); the claims and bounds are in ops_agreement.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepareCandidates } from './cross_backend.js';
import { ELEMENTWISE_OPS, elementwiseAgreement, manyTermAddNAgreement, reductionAgreement } from './ops_agreement.js';

const RUNS: Record<string, number> = { wasm: 150, webgpu: 20 };
let backends: string[] = ['wasm'];

beforeAll(async () => {
  backends = await prepareCandidates();
});

describe.each(['wasm', 'webgpu'])('ops on %s agree with cpu', (backend) => {
  it.each(ELEMENTWISE_OPS)('%s: exactly (or within its ulp bound)', async (name) => {
    if (!backends.includes(backend)) return;
    await fc.assert(elementwiseAgreement(backend, name), { numRuns: RUNS[backend]!, seed: 3 });
    expect(true).toBe(true);
  });

  it('sum, mean, addN, norm, max: within 2·γ_n·Σ|x| (max exactly)', async () => {
    if (!backends.includes(backend)) return;
    await fc.assert(reductionAgreement(backend), { numRuns: RUNS[backend]!, seed: 4 });
    expect(true).toBe(true);
  });

  it('addN of 1–20 tensors (across webgpu’s storage-buffer limit): within 2·γ_k·Σ|x|', async () => {
    if (!backends.includes(backend)) return;
    await fc.assert(manyTermAddNAgreement(backend), { numRuns: RUNS[backend]!, seed: 5 });
    expect(true).toBe(true);
  });
});
