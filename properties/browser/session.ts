/**
 * The Node side of the browser suites: one headless Chromium for the test file, one bundle per
 * page entry and one page per (entry, backend), the suite seed handed to the page, and a skip
 * (with the reason printed) where no Chromium exists.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { buildPage, type Bundle } from '../../browser/bundle.js';
import { findChromium, launchChromium, openPage, type PageSession } from '../../browser/chromium.js';
import type { RendererInfo } from '../../browser/pages/page.js';
import { DEFAULT_PROPERTY_SEED } from '../../src/seed.js';

/** The run's fast-check seed (test/setup.ts configures it from SAMCHECK_SEED). */
export const suiteSeed = (): number => fc.readConfigureGlobal().seed ?? DEFAULT_PROPERTY_SEED;

/** How to re-run one browser test with this run's seed. */
export const replay = (file: string, name: string): string => `replay: SAMCHECK_SEED=${suiteSeed()} npx vitest run ${file} -t ${JSON.stringify(name)}`;

export interface ChromiumPage {
  session: PageSession;
  bundle: Bundle;
  info: RendererInfo;
}

export interface ChromiumContext {
  /**
   * The page of `entry` for `backend`: bundled once per entry, opened once per (entry, backend) —
   * each backend in its own page, so a GPU backend that loses its device cannot take another's
   * tests with it.
   */
  page(entry: string, kind: 'library' | 'test', backend: string): Promise<ChromiumPage>;
}

const STARTUP_TIMEOUT_MS = 180_000;

/** Per test: the first test of a page also bundles it and opens the page (seconds on a loaded machine). */
export const BROWSER_TEST_TIMEOUT_MS = 180_000;

/**
 * `describe` whose tests run in headless Chromium; without Chromium it registers one skipped
 * test naming what is missing, and prints it.
 */
export function describeInChromium(title: string, body: (chromium: ChromiumContext) => void): void {
  const found = findChromium();
  describe(title, () => {
    if (!('path' in found)) {
      console.warn(`browser tests skipped: ${found.missing}`);
      it.skip(`skipped: ${found.missing}`, () => {});
      return;
    }
    let browser: Browser | undefined;
    const bundles = new Map<string, Promise<Bundle>>();
    const pages = new Map<string, Promise<ChromiumPage>>();
    beforeAll(async () => {
      // SAMCHECK_BROWSER_HARDWARE=1 (benchmarks/gpu/run.sh): the machine's GPU instead of SwiftShader.
      browser = await launchChromium({ executablePath: found.path, hardware: process.env.SAMCHECK_BROWSER_HARDWARE === '1' });
    }, STARTUP_TIMEOUT_MS);
    afterAll(async () => {
      await browser?.close();
    });
    body({
      page(entry, kind, backend) {
        const key = `${entry} ${backend}`;
        let opened = pages.get(key);
        if (opened === undefined) {
          if (!bundles.has(entry)) bundles.set(entry, buildPage(entry, kind));
          opened = (async () => {
            const bundle = await bundles.get(entry)!;
            const session = await openPage(browser!, bundle.files);
            const info = await session.call<RendererInfo>('info', backend);
            return { session, bundle, info };
          })();
          pages.set(key, opened);
        }
        return opened;
      },
    });
  });
}
