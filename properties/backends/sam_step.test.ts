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

  // The step's finiteness check reads synchronously, which Dawn cannot do in Node: the fix layer
  // refuses with a BackendError (test/backends/webgpu_node.test.ts). The step runs on webgl in
  // Chromium (properties/browser/); matMul, ops and conv are covered on webgpu here.
  it.skip('on webgpu: not run, a SAM step reads synchronously and Dawn in Node cannot (BackendError BACKEND_UNAVAILABLE, spec/backends.md)', () => {});
});
