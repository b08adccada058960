/**
 * Records the last full `npm test` run in reports/tests/last-run.json (src/report/test_run.ts), so
 * the report's summary can show passed/failed/skipped. Only a run of this config (vitest.config.ts)
 * over every test file it includes, unfiltered and unsharded, is recorded: a targeted
 * `vitest run path` must not replace the record of the full suite.
 */
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import type { Reporter, TestModule, TestRunEndReason, Vitest } from 'vitest/node';
import { writeFileAtomic } from '../src/report/atomic.js';
import { TEST_RUN_FILE, testRunRecord } from '../src/report/test_run.js';

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    return undefined;
  }
}

export default class LastRunReporter implements Reporter {
  private vitest!: Vitest;
  private startedAt = new Date();
  private commit?: string;
  private dirty?: boolean;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    this.startedAt = new Date();
    const root = vitest.config.root;
    this.commit = git(root, ['rev-parse', '--short', 'HEAD']);
    this.dirty = this.commit ? git(root, ['status', '--porcelain', '--untracked-files=no']) !== '' : undefined;
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>, reason: TestRunEndReason): Promise<void> {
    const config = this.vitest.config;
    const root = config.root;
    if (reason === 'interrupted' || config.shard || config.testNamePattern) return;
    const project = this.vitest.getRootProject();
    if (project.vite.config.configFile !== join(root, 'vitest.config.ts')) return;
    const all = (await project.globTestFiles()).testFiles;
    const ran = new Set(modules.map((m) => m.moduleId));
    if (all.length === 0 || !all.every((f) => ran.has(f))) return;
    const record = testRunRecord(
      modules.map((m) => ({ file: relative(root, m.moduleId), tests: [...m.children.allTests()].map((t) => ({ name: t.fullName, state: t.result().state })) })),
      { startedAt: this.startedAt, finishedAt: new Date(), commit: this.commit, dirty: this.dirty, unhandledErrors: unhandledErrors.length },
    );
    writeFileAtomic(join(root, TEST_RUN_FILE), JSON.stringify(record, null, 2) + '\n');
  }
}
