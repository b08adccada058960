import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metric, Suite, Table } from '../../src/report/types.js';
import { DEFAULT_PROPERTY_SEED } from '../../src/seed.js';
import { slug } from '../common/slug.js';

/**
 * Property-suite throughput: cases per second per property. The property files are run by vitest
 * itself (they are vitest tests), with benchmarks/properties/vitest.config.ts adding a setup file
 * (record_throughput.ts) that counts each test's fast-check cases and times it.
 */
export interface ThroughputResult {
  file: string;
  suite?: string;
  name: string;
  cases: number;
  seconds: number;
  /** A failing property is reported, not thrown: the property suite itself is the correctness check. */
  failed: boolean;
}

/** Quick mode: three files that cover the core, the family and the backend properties (≈ 20 s). */
export const QUICK_FILES = ['properties/core/identities.test.ts', 'properties/family/xsam.test.ts', 'properties/backends/ops.test.ts'];
const CONFIG = 'benchmarks/properties/vitest.config.ts';

/** The source checkout holding the property files (this module runs from benchmarks/ or dist/benchmarks/). */
function sourceRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) if (existsSync(join(dir, CONFIG))) return dir;
  return undefined;
}

function vitestEntry(root: string): string | undefined {
  try {
    return join(dirname(createRequire(join(root, 'package.json')).resolve('vitest/package.json')), 'vitest.mjs');
  } catch {
    return undefined;
  }
}

/** Runs `files` (default: every property file) under vitest and returns one result per test that ran cases. */
export async function measureThroughput(files: string[] | undefined, seed: number, timeoutMs: number): Promise<ThroughputResult[] | { skipped: string }> {
  const root = sourceRoot();
  if (!root) return { skipped: `${CONFIG} not found (the property files ship with the source checkout, not the npm package)` };
  const vitest = vitestEntry(root);
  if (!vitest || !existsSync(vitest)) return { skipped: 'vitest is not installed (a devDependency: npm ci)' };
  const dir = mkdtempSync(join(tmpdir(), 'samcheck-throughput-'));
  const out = join(dir, 'throughput.jsonl');
  try {
    const error = await new Promise<Error | null>((resolve) =>
      execFile(process.execPath, [vitest, 'run', '--config', CONFIG, ...(files ?? ['properties/'])], { cwd: root, timeout: timeoutMs, maxBuffer: 64 << 20, env: { ...process.env, SAMCHECK_SEED: String(seed), SAMCHECK_THROUGHPUT_OUT: out } }, (err) => resolve(err)),
    );
    if (!existsSync(out)) return { skipped: `vitest recorded nothing${error ? `: ${error.message.split('\n')[0]}` : ''}` };
    // A failing test still leaves its recorded lines; failures show in the table's last column.
    return readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ThroughputResult);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "… (with seed=<n>)" is @fast-check/vitest's suffix: the seed is reported once, in the caption. */
const testName = (name: string) => name.replace(/ \(with seed=-?\d+\)$/, '');

export const propertyThroughputSuite: Suite = {
  name: 'properties',
  title: 'Property suite throughput',
  async run(ctx) {
    ctx.progress(0, ctx.quick ? QUICK_FILES.join(', ') : 'every property file');
    // The seed of the property suite (test/setup.ts) unless the report was given one.
    const seed = ctx.seed === 0 ? DEFAULT_PROPERTY_SEED : ctx.seed;
    const results = await measureThroughput(ctx.quick ? QUICK_FILES : undefined, seed, ctx.quick ? 180_000 : 900_000);
    ctx.progress(1);
    if ('skipped' in results) return { title: this.title, metrics: [], tables: [], figures: [], notes: [`property throughput skipped: ${results.skipped}`] };
    const label = (r: ThroughputResult) => [r.file.replace(/^properties\//, '').replace(/\.test\.ts$/, ''), r.suite, testName(r.name)].filter(Boolean).join(' › ');
    // Metrics as ms per case (smaller is better, so github-action-benchmark trends them); one timing
    // per property, so its noise is taken as 20% of the value (shared 2-core runners vary ±30%).
    const metrics: Metric[] = results.map((r) => {
      const ms = (1000 * r.seconds) / r.cases;
      return { name: `properties/${slug(r.file.replace(/^properties\//, ''), 60)}/${slug(`${r.suite ?? ''} ${testName(r.name)}`, 60)}/ms_per_case`, unit: 'ms', value: ms, noise: 0.2 * ms, smallerIsBetter: true };
    });
    const table: Table = {
      title: 'Cases per second per property',
      columns: ['file › describe › property', 'cases', 'seconds', 'cases / s', 'failed'],
      rows: results.map((r) => [label(r), r.cases, r.seconds.toFixed(2), (r.cases / r.seconds).toFixed(1), r.failed ? 'yes' : '']),
      caption: `fast-check seed ${seed}; vitest, one file at a time; seconds = the test's start to the end of its last property check (generation, shrinking, kernels and oracles included).`,
    };
    const notes = results.some((r) => r.failed) ? ['some properties failed during the throughput run (see the table); npm test is the correctness check'] : [];
    return { title: this.title, metrics, tables: [table], figures: [], notes };
  },
};
