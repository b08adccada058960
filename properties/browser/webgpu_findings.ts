/**
 * The two webgpu findings the fix layer handles, checked in the browser (spec/backends.md):
 * AddN over ≥ 8 tensors (split by the fix; stock tfjs fails the property) and synchronous reads
 * (refused with a BackendError where they lose the device, which must stay usable).
 */
import { expect, it } from 'vitest';
import { expectPassed, PROPERTY_PAGE, runProperty } from './suite.js';
import { BROWSER_TEST_TIMEOUT_MS, type ChromiumContext } from './session.js';

export function webgpuFindingTests(chromium: ChromiumContext, file: string): void {
  it('stock tfjs: addN of 8+ tensors is wrong (shrunk to 8 tensors); the fix layer’s split agrees with cpu', { timeout: BROWSER_TEST_TIMEOUT_MS }, async () => {
    const page = await chromium.page(PROPERTY_PAGE, 'test', 'webgpu');
    const stock = await runProperty(page, { backend: 'webgpu', name: 'addn-many', numRuns: 40, fixes: false });
    expect(stock.failed, 'the property must find the stock AddN bug').toBe(true);
    expect(stock.message).toMatch(/addN of 8 tensors on webgpu ≠ cpu/);
    expectPassed(await runProperty(page, { backend: 'webgpu', name: 'addn-many', numRuns: 40 }), file, 'addn-many');
  });

  it('where synchronous reads lose the device (SwiftShader), a SAM step refuses with BackendError and the device stays usable', { timeout: BROWSER_TEST_TIMEOUT_MS }, async (ctx) => {
    const page = await chromium.page(PROPERTY_PAGE, 'test', 'webgpu');
    if (page.info.syncReadRefusal === null) return ctx.skip(`SKIPPED: synchronous reads work on ${page.info.renderer}`);
    const step = await runProperty(page, { backend: 'webgpu', name: 'kernel-vs-oracle', numRuns: 1, endOnFailure: true });
    expect(step.failed).toBe(true);
    expect(step.message).toMatch(/BACKEND_UNAVAILABLE: dataSync = "webgpu": this WebGPU adapter \(SwiftShader\)/);
    expectPassed(await runProperty(page, { backend: 'webgpu', name: 'ops-add', numRuns: 3 }), file, 'device alive after the refusal');
  });
}
