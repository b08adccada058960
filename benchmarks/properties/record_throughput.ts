/**
 * vitest setup file for the property-throughput benchmark (never part of `npm test`): counts the
 * cases every fc.assert of a test ran (through fast-check's global reporter, called when an
 * assert ends) and the time from the test's start to its last assert; one JSON line per test
 * that ran property cases goes to $SAMCHECK_THROUGHPUT_OUT when the file ends.
 */
import fc from 'fast-check';
import { appendFileSync } from 'node:fs';
import { afterAll, beforeEach } from 'vitest';

interface TestCount {
  file?: string;
  /** The enclosing describe block (tests of the same name run once per backend, say). */
  suite?: string;
  name: string;
  started: number;
  ended: number;
  cases: number;
  failed: boolean;
}

const out = process.env.SAMCHECK_THROUGHPUT_OUT;
const tests = new Map<string, TestCount>();
let current: TestCount | undefined;

fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  // A reporter replaces fast-check's throw-on-failure, so it throws exactly as the default does.
  reporter(details) {
    if (current) {
      current.cases += details.numRuns;
      current.ended = performance.now();
      current.failed ||= details.failed;
    }
    if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? 'property failed');
  },
});

// @fast-check/vitest's test.prop runs beforeEach hooks before every case: only the first starts the clock.
beforeEach((ctx) => {
  const known = tests.get(ctx.task.id);
  current = known ?? { file: ctx.task.file?.name, suite: ctx.task.suite?.name, name: ctx.task.name, started: performance.now(), ended: 0, cases: 0, failed: false };
  if (!known) tests.set(ctx.task.id, current);
});

afterAll(() => {
  if (!out) return;
  const lines = [...tests.values()].filter((t) => t.cases > 0).map(({ file, suite, name, cases, failed, started, ended }) => JSON.stringify({ file, suite, name, cases, failed, seconds: (ended - started) / 1000 }));
  if (lines.length) appendFileSync(out, `${lines.join('\n')}\n`);
});
