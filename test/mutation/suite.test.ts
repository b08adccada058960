/**
 * The report's mutation suite reads Stryker's JSON report (spec/mutation.md): counts per status,
 * Stryker's score, the run's commit, and a note instead of an error when no report exists.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { countMutants, createMutationSuite, mutationScore, readMutationRun } from '../../benchmarks/mutation/suite.js';

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));
const ctx = { quick: true, seed: 1, backends: ['cpu'], progress: () => {} };

describe('mutation suite: reading a Stryker report', () => {
  it('counts statuses per file and in total; ignored mutants are outside the score', () => {
    const run = readMutationRun(fixtures, 'kernels')!;
    expect(run.files.map((f) => f.file)).toEqual(['src/kernels/a.ts', 'src/kernels/b.ts']);
    expect(run.files[0].counts).toEqual({ killed: 2, survived: 1, timeout: 1, noCoverage: 0, excluded: 0 });
    expect(run.total).toEqual({ killed: 3, survived: 1, timeout: 1, noCoverage: 1, excluded: 1 });
    // (3 killed + 1 timeout) / (3 + 1 + 1 survived + 1 no coverage)
    expect(mutationScore(run.total)).toBeCloseTo((100 * 4) / 6, 12);
    expect(run.stamp?.commit).toBe('0123456789abcdef0123456789abcdef01234567');
  });

  it('has no score without valid mutants', () => {
    expect(mutationScore(countMutants(['Ignored', 'CompileError']))).toBeNaN();
  });

  it('reports the score as a metric and a table, and notes a missing report instead of failing', async () => {
    const result = await createMutationSuite(fixtures).run(ctx);
    const score = result.metrics.find((m) => m.name === 'mutation/kernels/score')!;
    expect(score.value).toBeCloseTo((100 * 4) / 6, 12);
    expect(score.smallerIsBetter).toBe(false);
    expect(result.tables[0].rows.at(-1)).toEqual(['total', '66.7%', 3, 1, 1, 1]);
    expect(result.tables[0].caption).toContain('0123456789ab');
    expect(result.notes.join('\n')).toContain('BELOW the 85% gate');
    expect(result.notes.join('\n')).toMatch(/src\/oracle: no Stryker report .*npm run mutation:oracle/);
    // The summary's rows: the kernels score below its gate, the oracle not measured.
    expect(result.verdicts?.map((v) => `${v.subject}: ${v.verdict}`)).toEqual(['src/kernels: Stryker mutation score: missed', 'src/oracle: Stryker mutation score: not measured']);
    expect(result.verdicts?.[0].estimate).toMatch(/^66\.7% \(killed 3, timeout 1, survived 1, no coverage 1;/);
  });
});
