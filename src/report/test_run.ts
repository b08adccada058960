import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The last full `npm test` run, as the report's summary shows it. Written by the vitest reporter
 * test/last_run_reporter.ts after every run of the project config over all its test files (a
 * filtered, sharded or differently configured run leaves the record alone).
 */
export interface TestRunRecord {
  schema: 1;
  startedAt: string;
  finishedAt: string;
  commit?: string;
  /** Uncommitted changes in the checkout when the run started. */
  dirty?: boolean;
  passed: number;
  failed: number;
  skipped: number;
  /** Errors outside any test (vitest's unhandled errors). */
  unhandledErrors: number;
  /** Per test file (path relative to the project root). */
  files: Array<{ file: string; passed: number; failed: number; skipped: number }>;
  /** "file › test" of the first failed tests (at most 20). */
  failures: string[];
}

/** Where the reporter writes the record, relative to the project root. */
export const TEST_RUN_FILE = 'reports/tests/last-run.json';

export type TestState = 'passed' | 'failed' | 'skipped' | 'pending';

/** The record of one run from its files' test states (pure: the reporter and the tests call it). */
export function testRunRecord(
  files: Array<{ file: string; tests: Array<{ name: string; state: TestState }> }>,
  meta: { startedAt: Date; finishedAt: Date; commit?: string; dirty?: boolean; unhandledErrors: number },
): TestRunRecord {
  const count = (tests: Array<{ state: TestState }>, s: TestState | 'skipped') => tests.filter((t) => (s === 'skipped' ? t.state === 'skipped' || t.state === 'pending' : t.state === s)).length;
  const perFile = files.map((f) => ({ file: f.file, passed: count(f.tests, 'passed'), failed: count(f.tests, 'failed'), skipped: count(f.tests, 'skipped') }));
  const sum = (k: 'passed' | 'failed' | 'skipped') => perFile.reduce((s, f) => s + f[k], 0);
  return {
    schema: 1,
    startedAt: meta.startedAt.toISOString(),
    finishedAt: meta.finishedAt.toISOString(),
    ...(meta.commit ? { commit: meta.commit, dirty: meta.dirty ?? false } : {}),
    passed: sum('passed'),
    failed: sum('failed'),
    skipped: sum('skipped'),
    unhandledErrors: meta.unhandledErrors,
    files: perFile,
    failures: files.flatMap((f) => f.tests.filter((t) => t.state === 'failed').map((t) => `${f.file} › ${t.name}`)).slice(0, 20),
  };
}

/** The record under `root`, or why there is none. */
export function readTestRun(root: string): TestRunRecord | { missing: string } {
  const path = join(root, TEST_RUN_FILE);
  if (!existsSync(path)) return { missing: `no record of a full npm test run (${TEST_RUN_FILE}; run npm test in this checkout)` };
  try {
    const r = JSON.parse(readFileSync(path, 'utf8')) as TestRunRecord;
    if (r.schema !== 1 || !Number.isInteger(r.passed) || !Number.isInteger(r.failed)) return { missing: `${TEST_RUN_FILE} is not a test-run record` };
    return r;
  } catch (err) {
    return { missing: `${TEST_RUN_FILE} is unreadable (${(err as Error).message})` };
  }
}
