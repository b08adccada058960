/**
 * The kernel suite's step costs on webgl and webgpu, measured inside headless Chromium
 * (browser/pages/bench.ts) with the same tasks, interleaved rounds and ratios as on wasm/cpu, on
 * the page's wall clock with a device read ending every step. On a software rasterizer
 * (SwiftShader) the times are CPU emulation of a GPU: the ratios (SAM/SGD, k-step, XSAM/SAM) are
 * meaningful, the milliseconds are not GPU speed.
 */
import { buildPage } from '../../browser/bundle.js';
import { findChromium, launchChromium, openPage } from '../../browser/chromium.js';
import type { BrowserStepCost, BrowserStepCostArgs } from '../../browser/pages/bench.js';
import type { RendererInfo } from '../../browser/pages/page.js';
import type { StepCostResult } from '../kernels/step_cost.js';

export const BROWSER_BACKENDS = ['webgl', 'webgpu'] as const;

export interface BrowserCase {
  backend: string;
  model: 'mlp' | 'cnn';
  batchSize: number;
  rounds: number;
  iterations: number;
}

export interface BrowserCaseResult {
  case: BrowserCase;
  modelName: string;
  renderer: RendererInfo;
  result: StepCostResult;
}

/** How a case is named in the report: backend, renderer class, model, batch. */
export function browserCaseLabel(r: BrowserCaseResult): string {
  const where = r.renderer.software ? 'Chromium, software rasterizer (SwiftShader): ratios only' : `Chromium, ${r.renderer.renderer}`;
  return `${r.case.backend} (${where}), ${r.modelName}, batch ${r.case.batchSize}`;
}

const CALL_TIMEOUT_MS = 900_000;

/**
 * Runs every case, one page per backend (a backend that dies cannot take the other's numbers with
 * it). Returns the measured cases and a note for each one that could not run.
 */
export async function measureInBrowser(cases: BrowserCase[], seed: number, batchesPerEpoch: number, options: { hardware?: boolean; callTimeoutMs?: number; onCase?: (i: number) => void } = {}): Promise<{ results: BrowserCaseResult[]; notes: string[] }> {
  const found = findChromium();
  if (!('path' in found)) return { results: [], notes: [`browser rows (webgl, webgpu) skipped: ${found.missing}`] };
  const bundle = await buildPage('browser/pages/bench.ts', 'library');
  const browser = await launchChromium({ executablePath: found.path, hardware: options.hardware });
  const results: BrowserCaseResult[] = [];
  const notes: string[] = [];
  try {
    for (const backend of new Set(cases.map((c) => c.backend))) {
      const page = await openPage(browser, bundle.files);
      for (const [i, c] of cases.entries()) {
        if (c.backend !== backend) continue;
        options.onCase?.(i);
        const args: BrowserStepCostArgs = { ...c, seed, batchesPerEpoch };
        try {
          const r = await page.call<BrowserStepCost>('stepCost', args, options.callTimeoutMs ?? CALL_TIMEOUT_MS);
          const result: StepCostResult = { times: new Map(r.times), variants: r.variants, passes: new Map(r.passes), notes: r.notes };
          results.push({ case: c, modelName: r.modelName, renderer: r.renderer, result });
        } catch (err) {
          notes.push(`${backend} ${c.model} batch ${c.batchSize}: not measured in Chromium: ${(err as Error).message.split('\n')[0]}`);
        }
      }
      await page.page.close();
    }
  } finally {
    await browser.close();
  }
  return { results, notes };
}
