/**
 * Headless Chromium through playwright-core, serving an in-memory page bundle (browser/bundle.ts).
 *
 * The page is served by request interception at a fake origin: no port is opened, and
 * `http://*.localhost` is a secure context, which WebGPU requires (a `file://` page cannot load an
 * ES module). Chromium is the system one (Debian's `chromium`); playwright's own browser download
 * is never used. Every call into the page has a timeout, and a crashed page rejects the call, so a
 * hung or dead GPU process cannot hang the caller.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BackendError } from '../src/errors.js';
import type { BundleFiles } from './bundle.js';

/** Where Chromium is looked for when SAMCHECK_CHROMIUM is not set. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The flags of a headless run without a display or GPU: WebGL through ANGLE on SwiftShader
 * (Vulkan in software), WebGPU on SwiftShader's adapter, and nothing that reaches the network.
 * `hardware: true` drops the SwiftShader pins so a machine with a GPU uses it.
 */
export function chromiumFlags(hardware = false): string[] {
  const common = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-webgpu'];
  // Hardware: ANGLE and WebGPU on the system's Vulkan driver, past Chromium's GPU blocklist for
  // headless Linux (untested here: no GPU; the renderer string recorded with every result says what ran).
  return hardware ? [...common, '--use-angle=vulkan', '--enable-features=Vulkan,VulkanFromANGLE', '--ignore-gpu-blocklist'] : [...common, '--enable-unsafe-swiftshader', '--use-angle=swiftshader'];
}

/** The Chromium executable to use, or why there is none (the browser tests print it and skip). */
export function findChromium(): { path: string } | { missing: string } {
  const explicit = process.env.SAMCHECK_CHROMIUM;
  if (explicit !== undefined && explicit !== '') {
    return existsSync(explicit) ? { path: explicit } : { missing: `SAMCHECK_CHROMIUM=${explicit} does not exist` };
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (found !== undefined) return { path: found };
  return { missing: `no Chromium at ${CHROMIUM_CANDIDATES.join(', ')} (Debian: apt-get install chromium; or set SAMCHECK_CHROMIUM=/path/to/chrome)` };
}

const ORIGIN = 'http://samcheck.localhost';
const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.wasm': 'application/wasm', '.map': 'application/json' };

export interface PageSession {
  readonly page: Page;
  /** Calls `globalThis.samcheckPage[method](arg)` in the page; rejects after `timeoutMs` or when the page dies. */
  call<T>(method: string, arg?: unknown, timeoutMs?: number): Promise<T>;
  /** Console errors and uncaught page errors so far (attached to failures). */
  errors(): string[];
}

export interface LaunchOptions {
  executablePath?: string;
  hardware?: boolean;
}

/** Launches Chromium (throws BackendError BACKEND_UNAVAILABLE, with the reason, when it cannot). */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const found = options.executablePath !== undefined ? { path: options.executablePath } : findChromium();
  if (!('path' in found)) throw new BackendError('BACKEND_UNAVAILABLE', 'chromium', null, found.missing);
  try {
    return await chromium.launch({ executablePath: found.path, args: chromiumFlags(options.hardware), timeout: 60_000 });
  } catch (err) {
    throw new BackendError('BACKEND_UNAVAILABLE', 'chromium', found.path, `Chromium did not start: ${(err as Error).message.split('\n')[0]}`);
  }
}

const DEFAULT_CALL_TIMEOUT_MS = 120_000;

/** Opens `files` (index.html + bundle) in a new page and waits until the bundle has installed `globalThis.samcheckPage`. */
export async function openPage(browser: Browser, files: BundleFiles): Promise<PageSession> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\//, '') || 'index.html';
    const body = files.get(path);
    if (body === undefined) return route.fulfill({ status: 404, body: `not in the bundle: ${path}` });
    return route.fulfill({ body: Buffer.from(body), contentType: CONTENT_TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' });
  });
  let crashed: Error | undefined;
  const crash = new Promise<never>((_, reject) => {
    page.on('crash', () => reject((crashed = new Error('the page crashed (renderer or GPU process died)'))));
    page.on('close', () => reject((crashed ??= new Error('the page was closed'))));
  });
  crash.catch(() => undefined);
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => (globalThis as { samcheckPage?: unknown }).samcheckPage !== undefined, undefined, { timeout: 60_000 }).catch((err: Error) => {
    throw new Error(`the page bundle did not start: ${errors.join('; ') || err.message}`);
  });
  return {
    page,
    errors: () => [...errors],
    async call<T>(method: string, arg?: unknown, timeoutMs = DEFAULT_CALL_TIMEOUT_MS): Promise<T> {
      if (crashed) throw crashed;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`page call ${method} did not finish within ${timeoutMs} ms`)), timeoutMs);
      });
      const evaluation = page.evaluate(
        ([m, a]) => (globalThis as unknown as { samcheckPage: Record<string, (x: unknown) => unknown> }).samcheckPage[m as string]!(a),
        [method, arg] as const,
      );
      try {
        return (await Promise.race([evaluation, timeout, crash])) as T;
      } finally {
        clearTimeout(timer);
        evaluation.catch(() => undefined);
      }
    },
  };
}
