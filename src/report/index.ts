import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { join, resolve } from 'node:path';
import { InvalidArgumentError } from '../errors.js';
import { writeDirectoryAtomic } from './atomic.js';
import { findRegressions } from './regression.js';
import { benchmarkActionJson, reportHtml, reportJson, reportMarkdown } from './render.js';
import { overallFraction, planSuites } from './progress.js';
import { fakeSuite, suiteEstimateMinutes, suiteLoader, suiteNames } from './suites.js';
import { readTestRun } from './test_run.js';
import type { Environment, ProgressEvent, Report, Suite, SuiteResult } from './types.js';

export type { Report, SuiteResult, Metric, Figure, Table, ProgressEvent, Regression } from './types.js';
export { progressBar } from './progress.js';
export { findRegressions } from './regression.js';

export interface ReportOptions {
  /** Small sizes and few repetitions: < 5 min on 2 cores. */
  quick?: boolean;
  /** Root directory; the report goes to <out>/<date>/ (default "reports"). */
  out?: string;
  /** Join these shard report directories into one report instead of running suites. */
  merge?: string[];
  /** Backends for the kernel benchmarks (default ["wasm", "cpu"]). */
  backends?: string[];
  seed?: number;
  onProgress?: (e: ProgressEvent) => void;
  /** Which suites to run (default every registered suite, in registration order). A shard runs a subset. */
  suites?: string[];
  /** Directory name under `out` (default today's date, YYYY-MM-DD). */
  date?: string;
  /** A report.json, or a directory of <date>/report.json, to compare with (default: the newest other report in `out`). */
  previous?: string;
  /** Test hooks: the 'fake' suite's duration and a delay per written file (to kill mid-write). */
  testing?: { fakeSuiteMs?: number; writeDelayMs?: number };
}

export interface ReportResult {
  dir: string;
  report: Report;
}

function environment(): Environment {
  let commit: string | undefined;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    commit = undefined;
  }
  const cpu = cpus();
  return { node: process.version, platform: `${platform()} ${release()}`, cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', ...(commit ? { commit } : {}) };
}

async function loadSuite(name: string, options: ReportOptions): Promise<Suite> {
  if (name === 'fake') return fakeSuite(options.testing?.fakeSuiteMs ?? 50);
  const loader = suiteLoader(name);
  if (!loader) {
    const known = suiteNames().length ? suiteNames().join(', ') : 'a registered suite (none are: call registerBenchmarkSuites() from samcheck/benchmarks, as the CLI does)';
    throw new InvalidArgumentError('suites', name, `one of ${known}, fake`, 'UNKNOWN_OPTION');
  }
  return loader();
}

async function runSuites(options: ReportOptions, emit: (e: ProgressEvent) => void, previous: Report | undefined): Promise<SuiteResult[]> {
  const names = options.suites ?? suiteNames();
  for (const n of names) if (n !== 'fake' && !suiteLoader(n)) await loadSuite(n, options);
  const plan = planSuites(names, options.quick ?? false, (n) => suiteEstimateMinutes(n, options.quick ?? false), previous);
  emit({ kind: 'plan', suites: plan });
  const results: SuiteResult[] = [];
  for (const [index, name] of names.entries()) {
    emit({ kind: 'suite-start', suite: name, index, total: names.length });
    const started = Date.now();
    const ctx = {
      quick: options.quick ?? false,
      seed: options.seed ?? 0,
      backends: options.backends ?? ['wasm', 'cpu'],
      progress: (fraction: number, detail?: string) =>
        emit({ kind: 'progress', suite: name, fraction, overall: overallFraction(plan, index, fraction), ...(detail ? { detail } : {}) }),
    };
    try {
      const suite = await loadSuite(name, options);
      const r = await suite.run(ctx);
      results.push({ ...r, suite: name, durationMs: Date.now() - started, estimatedMs: plan[index].estimateMs });
    } catch (err) {
      // One failing suite must not lose the others' results: it becomes a note in the report.
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      results.push({ suite: name, title: name, metrics: [], tables: [], figures: [], notes: [`suite failed: ${message.split('\n').slice(0, 4).join(' | ')}`], durationMs: Date.now() - started, estimatedMs: plan[index].estimateMs });
    }
    emit({ kind: 'suite-end', suite: name, durationMs: Date.now() - started });
  }
  return results;
}

function readReport(dir: string): Report {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
}

/** Shard reports → one list of suites; figure SVGs are read back from each shard directory. */
function mergeShards(dirs: string[]): { suites: SuiteResult[]; quick: boolean; seed: number } {
  const bySuite = new Map<string, SuiteResult>();
  let quick = false;
  let seed = 0;
  for (const dir of dirs) {
    const r = readReport(dir);
    quick ||= r.quick;
    seed = r.seed;
    for (const s of r.suites) {
      const figures = s.figures.map((f) => ({ ...f, svg: readFileSync(join(dir, f.file), 'utf8') }));
      bySuite.set(s.suite, { ...s, figures });
    }
  }
  // Run order (registration order), not the order the shard directories were listed in.
  const order = suiteNames();
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return { suites: [...bySuite.values()].sort((a, b) => rank(a.suite) - rank(b.suite)), quick, seed };
}

/** The newest report.json under `root` other than `exclude` (directory names sort by date). */
export function findPrevious(root: string, exclude: string): string | undefined {
  if (!existsSync(root)) return undefined;
  const dirs = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== exclude && existsSync(join(root, d.name, 'report.json')))
    .map((d) => d.name)
    .sort();
  return dirs.length ? join(root, dirs[dirs.length - 1]) : undefined;
}

function resolvePrevious(options: ReportOptions, root: string, date: string): { path?: string; report?: Report } {
  const candidate = options.previous ?? findPrevious(root, date);
  if (!candidate || !existsSync(candidate)) return {};
  const file = candidate.endsWith('.json') ? candidate : join(candidate, 'report.json');
  if (!existsSync(file)) return {};
  return { path: file, report: JSON.parse(readFileSync(file, 'utf8')) as Report };
}

/**
 * `samcheck report`: runs the suites (or merges shard results), compares with the previous report,
 * and writes <out>/<date>/ {report.md, report.json, benchmark.json, *.svg, index.html} atomically.
 */
export async function runReport(options: ReportOptions = {}): Promise<ReportResult> {
  const emit = options.onProgress ?? (() => {});
  const root = resolve(options.out ?? 'reports');
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  if (!/^[\w.-]+$/.test(date)) throw new InvalidArgumentError('date', date, 'a directory name ([A-Za-z0-9_.-])', 'INVALID_ARGUMENT');
  const merged = options.merge?.length ? mergeShards(options.merge) : undefined;
  // Read first: its durations are the progress line's estimates.
  const previous = resolvePrevious(options, root, date);
  const suites = merged ? merged.suites : await runSuites(options, emit, previous.report);
  const report: Report = {
    schema: 1,
    date,
    createdAt: new Date().toISOString(),
    quick: merged ? merged.quick : (options.quick ?? false),
    seed: merged ? merged.seed : (options.seed ?? 0),
    environment: environment(),
    suites,
    regressions: previous.report ? findRegressions(previous.report, { suites }) : [],
    ...(previous.path ? { comparedWith: previous.path } : {}),
    testRun: readTestRun(process.cwd()),
  };
  const files = new Map<string, string>();
  for (const s of suites) for (const f of s.figures) files.set(f.file, f.svg);
  files.set('report.json', reportJson(report));
  files.set('benchmark.json', benchmarkActionJson(report));
  files.set('report.md', reportMarkdown(report));
  files.set('index.html', reportHtml(report));
  mkdirSync(root, { recursive: true });
  const dir = join(root, date);
  await writeDirectoryAtomic(dir, files, { delayPerFileMs: options.testing?.writeDelayMs });
  emit({ kind: 'written', dir });
  return { dir, report };
}

