/**
 * samcheck's properties and conformance suite on tfjs-backend-webgpu in headless Chromium
 * (properties/browser/suite.ts), and the two webgpu findings the fix layer handles:
 * AddN over ≥ 8 tensors (split) and synchronous reads (refused where they lose the device).
 */
import { expect, it } from 'vitest';
import { browserPropertySuite, expectPassed, PROPERTY_PAGE, runProperty } from './suite.js';
import { BROWSER_TEST_TIMEOUT_MS } from './session.js';

const FILE = 'properties/browser/webgpu.test.ts';

browserPropertySuite('webgpu', FILE, (chromium) => {
  it('stock tfjs: addN of 8+ tensors is wrong (shrunk to 8 tensors); the fix layer’s split agrees with cpu', { timeout: BROWSER_TEST_TIMEOUT_MS }, async () => {
    const page = await chromium.page(PROPERTY_PAGE, 'test', 'webgpu');
    const stock = await runProperty(page, { backend: 'webgpu', name: 'addn-many', numRuns: 40, fixes: false });
    expect(stock.failed, 'the property must find the stock AddN bug').toBe(true);
    expect(stock.message).toMatch(/addN of 8 tensors on webgpu ≠ cpu/);
    expectPassed(await runProperty(page, { backend: 'webgpu', name: 'addn-many', numRuns: 40 }), FILE, 'addn-many');
  });

  it('where synchronous reads lose the device (SwiftShader), a SAM step refuses with BackendError and the device stays usable', { timeout: BROWSER_TEST_TIMEOUT_MS }, async (ctx) => {
    const page = await chromium.page(PROPERTY_PAGE, 'test', 'webgpu');
    if (page.info.syncReadRefusal === null) return ctx.skip(`SKIPPED: synchronous reads work on ${page.info.renderer}`);
    const step = await runProperty(page, { backend: 'webgpu', name: 'kernel-vs-oracle', numRuns: 1 });
    expect(step.failed).toBe(true);
    expect(step.message).toMatch(/BACKEND_UNAVAILABLE: dataSync = "webgpu": this WebGPU adapter \(SwiftShader\)/);
    expectPassed(await runProperty(page, { backend: 'webgpu', name: 'ops-add', numRuns: 3 }), FILE, 'device alive after the refusal');
  });
});
