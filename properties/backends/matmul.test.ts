import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepareCandidates } from './cross_backend.js';
import { matMulAgreement } from './matmul_agreement.js';

const RUNS: Record<string, number> = { wasm: 300, webgpu: 25 };
let backends: string[] = ['wasm'];

beforeAll(async () => {
  backends = await prepareCandidates();
});

describe('matMul agrees with cpu (fix layer on)', () => {
  for (const backend of ['wasm', 'webgpu']) {
    it(`on ${backend}: every transpose/batch/bias/activation combination, within 2·γ(K+1)·(|A||B|+|bias|)`, async (ctx) => {
      if (!backends.includes(backend)) return ctx.skip();
      await fc.assert(matMulAgreement(backend, { maxDim: 6 }), { numRuns: RUNS[backend]!, seed: 42 });
      expect(true).toBe(true);
    });
  }

  it('on wasm: long inner dimension (K 100–300), where stock wasm fused relu goes wrong', async () => {
    await fc.assert(matMulAgreement('wasm', { maxDim: 4, maxBatch: 0, inner: [100, 300] }), { numRuns: 40, seed: 42 });
    expect(true).toBe(true);
  });
});
