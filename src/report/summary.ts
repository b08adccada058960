import { formatDuration } from './progress.js';
import type { TestRunRecord } from './test_run.js';
import type { Report, Table, Verdict } from './types.js';

/** One block of the summary: a line of text or a table. Rendered to Markdown and HTML by render.ts. */
export type SummaryBlock = { text: string } | { table: Table };

/** Regressions listed in the summary (the full list follows in its own section). */
const TOP_REGRESSIONS = 5;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function runLine(report: Report): string {
  const total = report.suites.reduce((s, x) => s + x.durationMs, 0);
  const expected = report.suites.reduce((s, x) => s + (x.estimatedMs ?? 0), 0);
  const perSuite = report.suites.map((s) => `${s.suite} ${formatDuration(s.durationMs)}${s.estimatedMs !== undefined ? ` (expected ${formatDuration(s.estimatedMs)})` : ''}`).join(', ');
  const mode = report.quick ? 'Quick run' : 'Full run';
  return `${mode}: ${formatDuration(total)} of suites${expected > 0 ? ` (expected ${formatDuration(expected)})` : ''} — ${perSuite}.`;
}

function targetTable(verdicts: Verdict[]): Table {
  return {
    title: 'Targets',
    columns: ['target', 'estimate [95%]', 'criterion', 'verdict'],
    rows: verdicts.map((v) => [v.subject, v.estimate, v.criterion, v.verdict === 'met' || v.verdict === '' ? v.verdict : `**${v.verdict}**`]),
    caption: '"met"/"missed": the whole interval on one side of the target; "not resolved": it contains the target; below a physical floor a ratio is a measurement problem, never met.',
  };
}

/** Comparisons grouped by question: one row per group, the algorithms sorted into higher / lower / not resolved. */
function comparisonTable(verdicts: Verdict[]): Table {
  const groups = new Map<string, Verdict[]>();
  for (const v of verdicts) groups.set(v.group ?? v.subject, [...(groups.get(v.group ?? v.subject) ?? []), v]);
  const list = (vs: Verdict[], verdict: string, withEstimate: boolean) =>
    vs.filter((v) => v.verdict === verdict).map((v) => (withEstimate ? `${v.label ?? v.subject} ${v.estimate}` : (v.label ?? v.subject))).join('; ') || '—';
  return {
    title: 'Comparisons with the baseline (paired by seed)',
    columns: ['comparison', 'higher', 'lower', 'not resolved'],
    rows: [...groups].map(([group, vs]) => [group, list(vs, 'higher', true), list(vs, 'lower', true), list(vs, 'not resolved', false)]),
    caption: 'Resolved = the 95% interval of the paired difference (ratio) excludes 0 (1); the intervals are in the training section.',
  };
}

function testRunLine(report: Report): string {
  const run = report.testRun;
  if (!run) return 'Property suite: no test-run record was read.';
  if ('missing' in run) return `Property suite: ${run.missing}.`;
  const r: TestRunRecord = run;
  const at = `${r.finishedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const commit = r.commit ? `, commit ${r.commit}${r.dirty ? ' with uncommitted changes' : ''}` : '';
  const stale = r.commit && report.environment.commit && r.commit !== report.environment.commit ? ` — **not this report's commit (${report.environment.commit})**` : '';
  const failures = r.failed > 0 ? ` Failed: ${r.failures.join('; ')}${r.failed > r.failures.length ? ' …' : ''}.` : '';
  const errors = r.unhandledErrors > 0 ? `, ${plural(r.unhandledErrors, 'unhandled error')}` : '';
  const verdict = r.failed === 0 && r.unhandledErrors === 0 ? 'passed' : '**FAILED**';
  return `Property suite (last full \`npm test\`, ${at}${commit}${stale}): ${verdict} — ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped in ${plural(r.files.length, 'file')}${errors}.${failures}`;
}

function regressionBlocks(report: Report): SummaryBlock[] {
  if (!report.comparedWith) return [{ text: 'Regressions: no previous report to compare with.' }];
  if (report.regressions.length === 0) return [{ text: `Regressions: none beyond the measured noise (compared with ${report.comparedWith}).` }];
  const top = report.regressions.slice(0, TOP_REGRESSIONS);
  const more = report.regressions.length - top.length;
  return [
    {
      table: {
        title: `Biggest regressions against ${report.comparedWith}${more > 0 ? ` (${more} more below)` : ''}`,
        columns: ['metric', 'previous', 'current', 'change', 'σ'],
        rows: top.map((r) => [r.metric, `${r.previous.toPrecision(4)} ${r.unit}`, `${r.current.toPrecision(4)} ${r.unit}`, `${(r.relativeChange * 100).toFixed(1)}%`, Number.isFinite(r.sigmas) ? r.sigmas.toFixed(1) : '∞']),
      },
    },
  ];
}

/**
 * The report's first screen: how long the run took against its estimate, every target with its
 * verdict, the comparisons with the baseline, the property suite's last full run, and the biggest
 * regressions. Suites that judged nothing contribute nothing.
 */
export function summaryBlocks(report: Report): SummaryBlock[] {
  const verdicts = report.suites.flatMap((s) => s.verdicts ?? []);
  const targets = verdicts.filter((v) => v.kind === 'target');
  const comparisons = verdicts.filter((v) => v.kind === 'comparison');
  const blocks: SummaryBlock[] = [{ text: runLine(report) }, { text: testRunLine(report) }];
  if (targets.length) blocks.push({ table: targetTable(targets) });
  if (comparisons.length) blocks.push({ table: comparisonTable(comparisons) });
  const failed = report.suites.filter((s) => s.notes.some((n) => n.startsWith('suite failed')));
  if (failed.length) blocks.push({ text: `**Suites that failed**: ${failed.map((s) => s.suite).join(', ')} (their notes say why).` });
  return [...blocks, ...regressionBlocks(report)];
}
