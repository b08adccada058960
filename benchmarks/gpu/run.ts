/**
 * One run on a machine with an NVIDIA GPU (benchmarks/gpu/run.sh; spec/backends.md, "A real GPU"):
 * the backend properties and the kernel benchmark on every GPU path found there, within 10 minutes,
 * into one JSON file. Without a GPU it writes a skipped result and exits 0 (`--force` runs the
 * parts anyway, on whatever the machine has: a check of this script, not GPU numbers).
 *
 * Parts, each under its own time budget (a part that overruns is killed and reported, the others run):
 * - chromium-properties: properties/browser/ in Chromium with hardware flags, more runs, the
 *   conformance suite for every algorithm;
 * - chromium-kernel-benchmark: the kernel suite's MLP step costs on webgl and webgpu in the page;
 * - dawn-vulkan-properties: the cross-backend properties and webgpu tests in Node on Dawn's Vulkan backend;
 * - tfjs-node-gpu: if @tensorflow/tfjs-node-gpu is installed, the SAM-step agreement property on
 *   'tensorflow' and the MLP step costs there.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repositoryRoot } from '../../browser/bundle.js';
import { estimate } from '../common/timing.js';
import { ratiosOf } from '../kernels/suite.js';
import type { StepCostResult } from '../kernels/step_cost.js';

const TOTAL_BUDGET_S = 570;
const BUDGET_S = { 'chromium-properties': 240, 'chromium-kernel-benchmark': 150, 'dawn-vulkan-properties': 90, 'tfjs-node-gpu': 90 } as const;
type PartName = keyof typeof BUDGET_S;

interface PartResult {
  name: PartName;
  status: 'passed' | 'failed' | 'skipped' | 'error' | 'timeout';
  seconds: number;
  detail?: string;
  tests?: { passed: number; failed: number; skipped: number; failures: string[]; skips: string[] };
  benchmark?: { case: string; renderer?: string; ms: Record<string, number>; ratios: Record<string, number> }[];
}

interface GpuInfo {
  name: string;
  driver: string;
}

/** The NVIDIA GPUs nvidia-smi lists, or why there are none. */
export function detectNvidia(): GpuInfo[] | { none: string } {
  const r = spawnSync('nvidia-smi', ['--query-gpu=name,driver_version', '--format=csv,noheader'], { encoding: 'utf8', timeout: 15_000 });
  if (r.error) return { none: `nvidia-smi not available (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})` };
  if (r.status !== 0) return { none: `nvidia-smi exited with ${r.status}: ${(r.stderr || r.stdout).trim().split('\n')[0]}` };
  const gpus = r.stdout.trim().split('\n').filter(Boolean).map((line) => {
    const [name, driver] = line.split(',').map((x) => x.trim());
    return { name: name ?? line, driver: driver ?? '' };
  });
  return gpus.length > 0 ? gpus : { none: 'nvidia-smi lists no GPU' };
}

/** Runs `node <args>` in its own process group; kills the whole group (Chromium included) at the deadline. */
function runNode(args: string[], env: Record<string, string>, budgetS: number): Promise<{ code: number | null; timedOut: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repositoryRoot(), env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output = (output + d).slice(-20_000)));
    child.stderr.on('data', (d) => (output = (output + d).slice(-20_000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, budgetS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, output });
    });
  });
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { assertionResults: { fullName: string; status: string; failureMessages?: string[] }[] }[];
}

/** A vitest run of `files` as a part: counts, failing test names, skipped test names (their names carry the reason). */
async function vitestPart(name: PartName, files: string[], env: Record<string, string>, budgetS: number): Promise<PartResult> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'samcheck-gpu-'));
  const json = join(dir, 'vitest.json');
  try {
    const vitest = join(repositoryRoot(), 'node_modules', 'vitest', 'vitest.mjs');
    const r = await runNode([vitest, 'run', ...files, '--reporter=json', `--outputFile=${json}`], env, budgetS);
    const seconds = (Date.now() - started) / 1000;
    if (r.timedOut) return { name, status: 'timeout', seconds, detail: `killed after its ${budgetS} s budget` };
    let report: VitestJson;
    try {
      report = JSON.parse(readFileSync(json, 'utf8')) as VitestJson;
    } catch {
      return { name, status: 'error', seconds, detail: `vitest exited with ${r.code} without a report: ${r.output.trim().split('\n').slice(-5).join(' | ')}` };
    }
    const all = report.testResults.flatMap((f) => f.assertionResults);
    const tests = {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests,
      failures: all.filter((a) => a.status === 'failed').map((a) => `${a.fullName}: ${(a.failureMessages?.[0] ?? '').split('\n')[0]}`),
      skips: all.filter((a) => a.status === 'pending' || a.status === 'skipped').map((a) => a.fullName),
    };
    return { name, status: tests.failed > 0 ? 'failed' : 'passed', seconds, tests };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchmarkRow(label: string, r: StepCostResult, renderer?: string): NonNullable<PartResult['benchmark']>[number] {
  return {
    case: label,
    ...(renderer ? { renderer } : {}),
    ms: Object.fromEntries([...r.times].map(([k, xs]) => [k, estimate(xs).value])),
    ratios: Object.fromEntries(ratiosOf(r).map((q) => [q.name, q.estimate.value])),
  };
}

async function withDeadline<T>(work: Promise<T>, budgetS: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), budgetS * 1000)));
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function chromiumBenchmark(budgetS: number): Promise<PartResult> {
  const started = Date.now();
  const { measureInBrowser, browserCaseLabel } = await import('../browser/step_cost.js');
  const cases = ['webgl', 'webgpu'].map((backend) => ({ backend, model: 'mlp' as const, batchSize: 128, rounds: 7, iterations: 3 }));
  const out = await withDeadline(measureInBrowser(cases, 1, 469, { hardware: true, callTimeoutMs: (budgetS / 2) * 1000 }), budgetS);
  const seconds = (Date.now() - started) / 1000;
  if (out === 'timeout') return { name: 'chromium-kernel-benchmark', status: 'timeout', seconds };
  return {
    name: 'chromium-kernel-benchmark',
    status: out.results.length > 0 ? 'passed' : 'skipped',
    seconds,
    detail: out.notes.join(' | ') || undefined,
    benchmark: out.results.map((b) => benchmarkRow(browserCaseLabel(b), b.result, b.renderer.renderer)),
  };
}

async function tfjsNodeGpu(budgetS: number): Promise<PartResult> {
  const started = Date.now();
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node-gpu');
  } catch {
    return { name: 'tfjs-node-gpu', status: 'skipped', seconds: 0, detail: '@tensorflow/tfjs-node-gpu is not installed (npm install @tensorflow/tfjs-node-gpu; it needs libtensorflow and CUDA)' };
  }
  const work = (async () => {
    const fc = (await import('fast-check')).default;
    const { useBackend } = await import('../../src/backend/index.js');
    const { samStepAgreement } = await import('../../properties/backends/sam_step_agreement.js');
    const { measureStepCost } = await import('../kernels/step_cost.js');
    const { mlp } = await import('../common/models.js');
    await useBackend({ backend: 'tensorflow' });
    const check = await fc.check(samStepAgreement('tensorflow'), { numRuns: 30, seed: 42 });
    const r = await measureStepCost({ backend: 'tensorflow', model: mlp([784, 256, 256, 10], [28, 28, 1]), batchSize: 128, seed: 1, rounds: 5, iterations: 3, batchesPerEpoch: 469 }, () => {});
    return { check, r };
  })();
  try {
    const out = await withDeadline(work, budgetS);
    const seconds = (Date.now() - started) / 1000;
    if (out === 'timeout') return { name: 'tfjs-node-gpu', status: 'timeout', seconds };
    return {
      name: 'tfjs-node-gpu',
      status: out.check.failed ? 'failed' : 'passed',
      seconds,
      detail: out.check.failed ? String((out.check.errorInstance as Error | undefined)?.message ?? 'SAM step disagrees with cpu') : 'SAM-step agreement with cpu: 30 runs passed',
      benchmark: [benchmarkRow('tensorflow (tfjs-node-gpu), MLP 784-256-256-10, batch 128, process CPU time', out.r)],
    };
  } catch (err) {
    return { name: 'tfjs-node-gpu', status: 'error', seconds: (Date.now() - started) / 1000, detail: (err as Error).message.split('\n')[0] };
  }
}

function writeAtomically(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n');
  renameSync(tmp, path);
}

export async function main(argv: string[]): Promise<number> {
  const force = argv.includes('--force');
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1]! : join(repositoryRoot(), 'reports', 'gpu', `gpu-${new Date().toISOString().slice(0, 10)}.json`);
  const unknown = argv.filter((a, i) => a !== '--force' && a !== '--out' && !(outIndex >= 0 && i === outIndex + 1));
  if (unknown.length > 0 || (outIndex >= 0 && argv[outIndex + 1] === undefined)) {
    console.error('usage: benchmarks/gpu/run.sh [--out FILE] [--force]');
    return 2;
  }
  const gpus = detectNvidia();
  const result = {
    date: new Date().toISOString(),
    machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length },
    gpu: Array.isArray(gpus) ? gpus : null,
    forced: force,
    skipped: Array.isArray(gpus) ? undefined : `no NVIDIA GPU: ${gpus.none}`,
    parts: [] as PartResult[],
  };
  if (!Array.isArray(gpus) && !force) {
    writeAtomically(out, result);
    console.log(`${result.skipped}; nothing run. Wrote ${out}`);
    return 0;
  }
  const started = Date.now();
  const budget = (name: PartName) => Math.max(10, Math.min(BUDGET_S[name], TOTAL_BUDGET_S - (Date.now() - started) / 1000));
  const log = (p: PartResult) => console.log(`${p.name}: ${p.status} in ${p.seconds.toFixed(0)} s${p.tests ? ` (${p.tests.passed} passed, ${p.tests.failed} failed, ${p.tests.skipped} skipped)` : ''}${p.detail ? ` — ${p.detail}` : ''}`);
  const parts: Array<() => Promise<PartResult>> = [
    () => vitestPart('chromium-properties', ['properties/browser'], { SAMCHECK_BROWSER_HARDWARE: '1', SAMCHECK_BROWSER_RUNS: '5', SAMCHECK_BROWSER_CONFORMANCE: 'all' }, budget('chromium-properties')),
    () => chromiumBenchmark(budget('chromium-kernel-benchmark')),
    () => vitestPart('dawn-vulkan-properties', ['properties/backends/matmul.test.ts', 'properties/backends/ops.test.ts', 'test/backends/webgpu_node.test.ts'], { SAMCHECK_DAWN_BACKEND: 'vulkan' }, budget('dawn-vulkan-properties')),
    () => tfjsNodeGpu(budget('tfjs-node-gpu')),
  ];
  for (const part of parts) {
    const p = await part();
    result.parts.push(p);
    log(p);
    writeAtomically(out, result);
  }
  console.log(`wrote ${out} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return result.parts.some((p) => p.status === 'failed' || p.status === 'error') ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(2);
    },
  );
}
