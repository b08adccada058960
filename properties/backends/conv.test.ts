import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useBackend } from '../../src/backend/index.js';
import { convAgreement } from './conv_agreement.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

// wasm only: the filter-gradient kernel this checks is samcheck's wasm fix (webgpu has its own).
describe('conv2d and its gradients agree with cpu (fix layer on)', () => {
  it('on wasm: every padding (same, valid, numeric with each rounding mode, explicit), strides 1–2, within 2·γ(n+1)·Σ|terms|', async () => {
    await fc.assert(convAgreement('wasm'), { numRuns: 150, seed: 42 });
    expect(true).toBe(true);
  });
});
