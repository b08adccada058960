import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportHtml, reportMarkdown } from '../../src/report/render.js';
import { TEST_RUN_FILE, readTestRun, testRunRecord } from '../../src/report/test_run.js';
import type { Regression, Report, SuiteResult, Verdict } from '../../src/report/types.js';

const target = (subject: string, verdict: string): Verdict => ({ kind: 'target', subject, estimate: '2.01 [1.99, 2.05]', criterion: '≤ 2.1, floor 2', verdict });
const comparison = (label: string, verdict: string, estimate: string): Verdict => ({ kind: 'comparison', group: 'task: test accuracy − SGD', label, subject: `task: ${label}`, estimate, criterion: '≠ 0', verdict });
const suite = (name: string, verdicts: Verdict[], durationMs: number): SuiteResult => ({
  suite: name, title: `Suite ${name}`, metrics: [], tables: [], figures: [], notes: [], durationMs, estimatedMs: 60_000, verdicts,
});
const regression = (metric: string, relativeChange: number): Regression => ({ metric, unit: 'ms', previous: 10, current: 10 * (1 + relativeChange), sigmas: 4, relativeChange });

function report(overrides: Partial<Report> = {}): Report {
  return {
    schema: 1,
    date: 'd',
    createdAt: '2026-12-02T00:00:00Z',
    quick: true,
    seed: 0,
    environment: { node: 'v20', platform: 'linux', cpus: 2, cpuModel: 'cpu', commit: 'abc1234' },
    suites: [
      suite('kernels', [target('SAM / SGD', 'met'), target('5-step / (6·SGD)', 'measurement problem: below floor')], 45_000),
      suite('training', [comparison('SAM', 'higher', '+1.20 [+0.30, +2.10]'), comparison('USAM', 'not resolved', '+0.1 [−1, +1]'), comparison('ASAM', 'lower', '−2.00 [−3.00, −1.00]')], 75_000),
    ],
    regressions: Array.from({ length: 7 }, (_, i) => regression(`m${i}`, 0.5 - i * 0.05)),
    comparedWith: 'reports/prev/report.json',
    testRun: testRunRecord(
      [{ file: 'properties/a.test.ts', tests: [{ name: 'p1', state: 'passed' }, { name: 'p2', state: 'failed' }, { name: 'p3', state: 'skipped' }, { name: 'p4', state: 'pending' }] }],
      { startedAt: new Date('2026-12-01T23:00:00Z'), finishedAt: new Date('2026-12-01T23:03:00Z'), commit: 'old0000', dirty: false, unhandledErrors: 0 },
    ),
    ...overrides,
  };
}

const summaryOf = (md: string) => md.slice(md.indexOf('## Summary'), md.indexOf('## Regressions'));

describe('the summary comes first and fits one screen', () => {
  it('precedes the regressions and every suite, and has every target, comparison, the test run and the top regressions', () => {
    const md = reportMarkdown(report());
    expect(md.indexOf('## Summary')).toBeGreaterThan(0);
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## Regressions'));
    expect(md.indexOf('## Regressions')).toBeLessThan(md.indexOf('## Suite kernels'));
    const s = summaryOf(md);
    expect(s).toContain('Quick run: 2:00 of suites (expected 2:00) — kernels 0:45 (expected 1:00), training 1:15 (expected 1:00).');
    expect(s).toContain('| SAM / SGD | 2.01 [1.99, 2.05] | ≤ 2.1, floor 2 | met |');
    expect(s).toContain('| **measurement problem: below floor** |');
    expect(s).toContain('| task: test accuracy − SGD | SAM +1.20 [+0.30, +2.10] | ASAM −2.00 [−3.00, −1.00] | USAM |');
    // Pending tests count as skipped; a failure is named; a record from another commit says so.
    expect(s).toContain('**FAILED** — 1 passed, 1 failed, 2 skipped in 1 file. Failed: properties/a.test.ts › p2.');
    expect(s).toContain("**not this report's commit (abc1234)**");
    expect(s).toContain('Biggest regressions against reports/prev/report.json (2 more below)');
    expect(s).toContain('| m4 |');
    expect(s).not.toContain('| m5 |');
    expect(s.trim().split('\n').length).toBeLessThanOrEqual(40);
  });

  it('says what is missing rather than leaving it out', () => {
    const s = summaryOf(reportMarkdown(report({ testRun: { missing: 'no record of a full npm test run' }, regressions: [], comparedWith: undefined })));
    expect(s).toContain('Property suite: no record of a full npm test run.');
    expect(s).toContain('Regressions: no previous report to compare with.');
  });

  it('renders the same summary in HTML, with emphasis as <strong>', () => {
    const html = reportHtml(report());
    expect(html.indexOf('<h2>Summary</h2>')).toBeLessThan(html.indexOf('<h2>Regressions</h2>'));
    expect(html).toContain('<strong>measurement problem: below floor</strong>');
    expect(html).not.toContain('**');
  });
});

describe('test-run record', () => {
  const root = mkdtempSync(join(tmpdir(), 'samcheck-testrun-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  it('reads a record, and explains a missing or foreign file', () => {
    expect(readTestRun(root)).toEqual({ missing: expect.stringContaining('no record of a full npm test run') });
    mkdirSync(join(root, 'reports/tests'), { recursive: true });
    writeFileSync(join(root, TEST_RUN_FILE), '{"numPassedTests": 3}');
    expect(readTestRun(root)).toEqual({ missing: expect.stringContaining('is not a test-run record') });
    writeFileSync(join(root, TEST_RUN_FILE), '{');
    expect(readTestRun(root)).toEqual({ missing: expect.stringContaining('is unreadable') });
    const record = report().testRun!;
    writeFileSync(join(root, TEST_RUN_FILE), JSON.stringify(record));
    expect(readTestRun(root)).toEqual(record);
  });
  it('names at most 20 failures', () => {
    const tests = Array.from({ length: 25 }, (_, i) => ({ name: `t${i}`, state: 'failed' as const }));
    const r = testRunRecord([{ file: 'f', tests }], { startedAt: new Date(0), finishedAt: new Date(0), unhandledErrors: 0 });
    expect(r.failed).toBe(25);
    expect(r.failures).toHaveLength(20);
  });
});
