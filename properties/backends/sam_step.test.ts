import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useBackend } from '../../src/backend/index.js';
import { samStepAgreement, UPDATE_RTOL } from './sam_step_agreement.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

describe('a SAM step agrees with cpu (fix layer on)', () => {
  it(`on wasm: MLP update, both weight layouts, within ${UPDATE_RTOL} of the update size`, async () => {
    await fc.assert(samStepAgreement('wasm'), { numRuns: 60, seed: 42 });
    expect(true).toBe(true);
  });

  // The step's one finiteness check reads with dataSync, which tfjs-backend-webgpu cannot do in
  // Node (its readSync needs OffscreenCanvas); matMul and ops are covered on webgpu instead.
  it.skip('on webgpu: skipped, the step reads synchronously (dataSync), unsupported by tfjs-backend-webgpu in Node', () => {});
});
