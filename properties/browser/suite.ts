/**
 * The browser property suite for one backend: samcheck's kernel-vs-oracle property (P1), the
 * cross-backend agreement properties and the conformance suite for samcheck's own kernels, each
 * run inside Chromium by browser/pages/properties.ts. numRuns are small in `npm test` (the
 * browser part's time budget, spec/backends.md); SAMCHECK_BROWSER_RUNS=<factor> multiplies them,
 * SAMCHECK_BROWSER_CONFORMANCE=all runs the conformance suite for every algorithm.
 */
import { describe, expect, it } from 'vitest';
import { algorithmNames } from '../../src/algorithms/index.js';
import { CONFORMANCE_PROPERTIES, formatVerdict, type PropertyVerdict } from '../../src/verify/index.js';
import type { PropertyOutcome } from '../../browser/pages/page.js';
import type { PropertyArgs } from '../../browser/pages/properties.js';
import { BROWSER_TEST_TIMEOUT_MS, replay, suiteSeed, type ChromiumContext, type ChromiumPage } from './session.js';

export const PROPERTY_PAGE = 'browser/pages/properties.ts';

interface PageProperty {
  claim: string;
  /** numRuns in npm test (webgpu: `webgpuRuns` when given; its shader pipelines cost more per new shape). */
  runs: number;
  webgpuRuns?: number;
  /** Reads tensors synchronously (every samcheck step does): refused where the backend cannot. */
  syncReads?: boolean;
}

/** Every page property (browser/pages/properties.ts PROPERTIES), its claim and its npm-test runs. */
export const PAGE_PROPERTIES: Record<string, PageProperty> = {
  'kernel-vs-oracle': { claim: 'P1: SGD, SAM, USAM, ASAM (every option) match the float64 oracle over 1–3 steps within T1', runs: 8, syncReads: true },
  matmul: { claim: 'matMul / fused matMul (every transpose, batch, bias, activation) agree with cpu within 2·γ(K+1)·(|A||B|+|bias|)', runs: 10, webgpuRuns: 5 },
  'matmul-long-k': { claim: 'matMul with K 100–300 agrees with cpu', runs: 3 },
  'ops-add': { claim: 'add: exact (subnormals may flush)', runs: 4 },
  'ops-sub': { claim: 'sub: exact (subnormals may flush)', runs: 4 },
  'ops-mul': { claim: 'mul: exact (subnormals may flush)', runs: 4 },
  'ops-div': { claim: 'div: within 3 ulp (GPU: 2.5 ulp)', runs: 4 },
  'ops-minimum': { claim: 'minimum: exact', runs: 4 },
  'ops-square': { claim: 'square: exact (subnormals may flush)', runs: 4 },
  'ops-sqrt': { claim: 'sqrt: within 5 ulp (GPU: 1/inverseSqrt)', runs: 4 },
  'ops-abs': { claim: 'abs: exact', runs: 4 },
  'ops-acos': { claim: 'acos: within atan2’s 4096 ulp', runs: 4 },
  reductions: { claim: 'sum, mean, addN, norm, max within 2·γ_n·Σ|x|', runs: 5 },
  'addn-many': { claim: 'addN of 1–20 tensors (across webgpu’s storage-buffer limit) within 2·γ_k·Σ|x|', runs: 8 },
  'sam-step': { claim: 'one SAM step on an MLP (both layouts) gives cpu’s update within 1e-4 relative', runs: 2, syncReads: true },
  conv: { claim: 'conv2d and both gradients agree with cpu within 2·γ(n+1)·Σ|terms|', runs: 4, webgpuRuns: 3 },
  'hvp-exact': { claim: 'double-backprop HVP equals the exact float64 H·v within 1e-5', runs: 5, syncReads: true },
  'hvp-finite-difference': { claim: 'finite-difference HVP equals the exact float64 H·v within 2e-3', runs: 5, syncReads: true },
};

/** Conformance algorithms in npm test (SAMCHECK_BROWSER_CONFORMANCE=all: every one); numRuns per property. */
const CONFORMANCE_ALGORITHMS = ['sam', 'xsam'];
const CONFORMANCE_RUNS = 3;

function scale(): number {
  const v = Number(process.env.SAMCHECK_BROWSER_RUNS ?? '1');
  if (!(v > 0)) throw new Error(`SAMCHECK_BROWSER_RUNS must be a positive number, got ${JSON.stringify(process.env.SAMCHECK_BROWSER_RUNS)}`);
  return v;
}
export const runsOf = (runs: number): number => Math.max(1, Math.round(runs * scale()));

export function runProperty(page: ChromiumPage, args: Omit<PropertyArgs, 'seed'> & { seed?: number }): Promise<PropertyOutcome> {
  return page.session.call<PropertyOutcome>('property', { seed: suiteSeed(), ...args });
}

/** The outcome must be a pass with nothing left allocated; a failure carries fast-check's report and the replay line. */
export function expectPassed(o: PropertyOutcome, file: string, test: string): void {
  expect(o.failed, `${o.message}\n${replay(file, test)}`).toBe(false);
  expect(o.tensorsLeaked, 'tensors left allocated by the property').toBe(0);
}

function conformanceTests(chromium: ChromiumContext, backend: string, file: string): void {
  const algorithms = process.env.SAMCHECK_BROWSER_CONFORMANCE === 'all' ? algorithmNames() : CONFORMANCE_ALGORITHMS;
  for (const algorithm of algorithms) {
    for (const property of CONFORMANCE_PROPERTIES.filter((p) => p.appliesTo(algorithm))) {
      const name = `conformance ${algorithm}.${property.id}: ${property.claim}`;
      it(name, { timeout: BROWSER_TEST_TIMEOUT_MS }, async (ctx) => {
        const page = await chromium.page(PROPERTY_PAGE, 'test', backend);
        if (page.info.syncReadRefusal !== null) return ctx.skip(`SKIPPED on ${backend}: ${page.info.syncReadRefusal}`);
        const verdict = await page.session.call<PropertyVerdict>('conformance', { backend, algorithm, property: property.id, numRuns: runsOf(CONFORMANCE_RUNS), seed: suiteSeed() });
        if (verdict.status === 'skipped') return ctx.skip(`SKIPPED: ${verdict.message}`);
        expect(verdict.status, `${formatVerdict(verdict)}\n${replay(file, name)}`).toBe('passed');
      });
    }
  }
}

/** Registers the whole browser property suite for `backend` ('webgl' or 'webgpu'), then `more` tests on its page. */
export function browserPropertySuite(chromium: ChromiumContext, backend: string, file: string, more?: () => void): void {
  describe(`on ${backend}`, () => {
    it('the page starts, with the renderer recorded (software rasterizer flagged)', { timeout: BROWSER_TEST_TIMEOUT_MS }, async () => {
      const page = await chromium.page(PROPERTY_PAGE, 'test', backend);
      console.info(`${backend}: tfjs ${page.info.tfjs}, renderer ${page.info.renderer}${page.info.software ? ' (software rasterizer)' : ''}, ${JSON.stringify(page.info.flags)}`);
      expect(page.info.backend).toBe(backend);
      expect(page.info.renderer).not.toBe('');
    });

    for (const [name, p] of Object.entries(PAGE_PROPERTIES)) {
      const test = `${name}: ${p.claim}`;
      it(test, { timeout: BROWSER_TEST_TIMEOUT_MS }, async (ctx) => {
        const page = await chromium.page(PROPERTY_PAGE, 'test', backend);
        if (p.syncReads && page.info.syncReadRefusal !== null) return ctx.skip(`SKIPPED on ${backend}: ${page.info.syncReadRefusal}`);
        const runs = backend === 'webgpu' ? (p.webgpuRuns ?? p.runs) : p.runs;
        expectPassed(await runProperty(page, { backend, name, numRuns: runsOf(runs) }), file, test);
      });
    }

    conformanceTests(chromium, backend, file);
    more?.();
  });
}
