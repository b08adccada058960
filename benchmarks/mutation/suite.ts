import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Metric, Suite, Table, Verdict } from '../../src/report/types.js';

/**
 * The report's mutation suite (spec/mutation.md): it runs nothing, it reads the newest Stryker JSON
 * reports that `npm run mutation` / `npm run mutation:oracle` left in reports/mutation/ (a Stryker
 * run takes most of an hour, far beyond a report's budget) and reports their scores.
 */

/** Mutant statuses of mutation-testing-report-schema. */
type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
interface MutationReport {
  files: Record<string, { mutants: Array<{ status: MutantStatus }> }>;
}
/** Written by stamp.mjs when a run starts. */
interface RunStamp {
  startedAt: string;
  commit: string | null;
  dirty: boolean;
}

export interface MutantCounts {
  killed: number;
  survived: number;
  timeout: number;
  noCoverage: number;
  /** Ignored, compile and runtime errors: not part of the score. */
  excluded: number;
}

/** Stryker's mutation score: detected (killed or timed out) over valid mutants, in %. */
export function mutationScore(c: MutantCounts): number {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid === 0 ? NaN : (100 * (c.killed + c.timeout)) / valid;
}

export function countMutants(statuses: MutantStatus[]): MutantCounts {
  const c: MutantCounts = { killed: 0, survived: 0, timeout: 0, noCoverage: 0, excluded: 0 };
  for (const s of statuses) {
    if (s === 'Killed') c.killed++;
    else if (s === 'Survived') c.survived++;
    else if (s === 'Timeout') c.timeout++;
    else if (s === 'NoCoverage') c.noCoverage++;
    else c.excluded++;
  }
  return c;
}

export interface MutationRun {
  target: string;
  /** Per mutated file (path as Stryker wrote it), then the total. */
  files: Array<{ file: string; counts: MutantCounts }>;
  total: MutantCounts;
  /** When the report was written (its mtime). */
  writtenAt: Date;
  stamp?: RunStamp;
}

/** The run of one target (`kernels`, `oracle`) in `dir`, or undefined when there is no report. */
export function readMutationRun(dir: string, target: string): MutationRun | undefined {
  const path = join(dir, `${target}.json`);
  if (!existsSync(path)) return undefined;
  const report = JSON.parse(readFileSync(path, 'utf8')) as MutationReport;
  const files = Object.entries(report.files)
    .map(([file, f]) => ({ file, counts: countMutants(f.mutants.map((m) => m.status)) }))
    .sort((a, b) => a.file.localeCompare(b.file));
  const stampPath = join(dir, `${target}.stamp.json`);
  const stamp = existsSync(stampPath) ? (JSON.parse(readFileSync(stampPath, 'utf8')) as RunStamp) : undefined;
  const total = countMutants(Object.values(report.files).flatMap((f) => f.mutants.map((m) => m.status)));
  return { target, files, total, writtenAt: statSync(path).mtime, stamp };
}

/** Issue #5 item 7: the score src/kernels must reach (stryker.config.json `thresholds.break`). */
export const KERNEL_SCORE_GATE = 85;

const TARGETS = [
  { target: 'kernels', folder: 'src/kernels', command: 'npm run mutation', gate: KERNEL_SCORE_GATE },
  { target: 'oracle', folder: 'src/oracle', command: 'npm run mutation:oracle', gate: undefined },
];
const pct = (x: number) => (Number.isNaN(x) ? '–' : `${x.toFixed(1)}%`);
const row = (label: string, c: MutantCounts): Array<string | number> => [label, pct(mutationScore(c)), c.killed, c.survived, c.timeout, c.noCoverage];

function provenance(run: MutationRun): string {
  const { stamp } = run;
  const written = run.writtenAt.toISOString();
  if (!stamp) return `report written ${written} (no run stamp: commit unknown)`;
  const commit = stamp.commit ? `${stamp.commit.slice(0, 12)}${stamp.dirty ? ' with uncommitted changes' : ''}` : 'unknown commit';
  const unfinished = Date.parse(stamp.startedAt) > run.writtenAt.getTime() ? ` (a later run started ${stamp.startedAt} did not write a report)` : '';
  return `run on ${commit}, report written ${written}${unfinished}`;
}

export function createMutationSuite(dir = 'reports/mutation'): Suite {
  return {
    name: 'mutation',
    title: 'Mutation testing (Stryker): the suite’s own strength',
    async run(ctx) {
      const metrics: Metric[] = [];
      const tables: Table[] = [];
      const notes: string[] = [];
      const verdicts: Verdict[] = [];
      for (const { target, folder, command, gate } of TARGETS) {
        const run = readMutationRun(dir, target);
        const subject = `${folder}: Stryker mutation score`;
        const criterion = gate === undefined ? 'measured (no gate)' : `≥ ${gate}%`;
        if (!run) {
          notes.push(`${folder}: no Stryker report in ${dir}/${target}.json; produce one with \`${command}\` (spec/mutation.md).`);
          verdicts.push({ kind: 'target', subject, estimate: `no report (\`${command}\`)`, criterion, verdict: 'not measured' });
          continue;
        }
        const score = mutationScore(run.total);
        metrics.push({ name: `mutation/${target}/score`, unit: '%', value: score, noise: 0, smallerIsBetter: false });
        metrics.push({ name: `mutation/${target}/undetected`, unit: 'mutants', value: run.total.survived + run.total.noCoverage, noise: 0, smallerIsBetter: true });
        tables.push({
          title: `Mutation score: ${folder}`,
          columns: ['file', 'score', 'killed', 'survived', 'timeout', 'no coverage'],
          rows: [...run.files.map((f) => row(f.file, f.counts)), row('total', run.total)],
          caption: `${provenance(run)}. Score = (killed + timeout) / (killed + timeout + survived + no coverage). Survivors are dispositioned in spec/mutation.md.`,
        });
        const verdict = gate === undefined ? '' : score >= gate ? ` (meets the ${gate}% gate)` : ` (BELOW the ${gate}% gate)`;
        notes.push(`${folder}: mutation score ${pct(score)}${verdict}; ${provenance(run)}.`);
        const t = run.total;
        verdicts.push({
          kind: 'target',
          subject,
          estimate: `${pct(score)} (killed ${t.killed}, timeout ${t.timeout}, survived ${t.survived}, no coverage ${t.noCoverage}; ${run.writtenAt.toISOString().slice(0, 10)})`,
          criterion,
          verdict: gate === undefined ? 'measured' : score >= gate ? 'met' : 'missed',
        });
      }
      ctx.progress(1);
      return { title: 'Mutation testing (Stryker): the suite’s own strength', metrics, tables, figures: [], notes, verdicts };
    },
  };
}

export const mutationSuite = createMutationSuite();
