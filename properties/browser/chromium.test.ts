/**
 * samcheck on the GPU backends where tfjs users run them: webgl and webgpu inside headless
 * Chromium (spec/backends.md, "The GPU backends in a browser"). One Chromium for the file; the
 * property page once per backend, the training page once.
 */
import { describe } from 'vitest';
import { describeInChromium } from './session.js';
import { browserPropertySuite } from './suite.js';
import { browserEntryBundleTests, trainingTests } from './training.js';
import { webgpuFindingTests } from './webgpu_findings.js';

const FILE = 'properties/browser/chromium.test.ts';

describe('the browser entry bundles without Node', browserEntryBundleTests);

describeInChromium('samcheck in headless Chromium', (chromium) => {
  browserPropertySuite(chromium, 'webgl', FILE);
  browserPropertySuite(chromium, 'webgpu', FILE, () => webgpuFindingTests(chromium, FILE));
  describe('model.fit with SamOptimizer from the browser entry', () => trainingTests(chromium));
});
