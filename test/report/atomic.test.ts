import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { recoverInterrupted, writeDirectoryAtomic } from '../../src/report/atomic.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'samcheck-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function childArgs(date: string, fakeMs: number, writeDelayMs: number, seed: number): string[] {
  return ['--import', join(fixtures, 'register_ts.mjs'), join(fixtures, 'fake_report_child.ts'), root, date, String(fakeMs), String(writeDelayMs), String(seed)];
}

function runChild(date: string, seed: number): void {
  const r = spawnSync(process.execPath, childArgs(date, 10, 0, seed), { encoding: 'utf8', timeout: 30_000 });
  expect(r.stderr, r.stderr).not.toMatch(/Error/);
  expect(r.stdout).toContain('done');
}

const seedIn = (dir: string) => (JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { seed: number }).seed;

describe('report writes are atomic', () => {
  it('a report process killed while writing leaves the previous report intact; the next run replaces it', async () => {
    runChild('day', 1);
    const dir = join(root, 'day');
    const before = readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);
    expect(before.map(([f]) => f).sort()).toEqual(['benchmark.json', 'index.html', 'report.json', 'report.md']);

    // Second run: each file write is followed by a 5 s pause; the kill lands 1.5 s after the suite
    // ended, i.e. after the first file was written and before the second.
    const child = spawn(process.execPath, childArgs('day', 10, 5_000, 2), { stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = new Promise((r) => child.once('exit', r));
    const suiteEnded = new Promise<boolean>((r) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('suite-end') && r(true));
      setTimeout(() => r(false), 20_000);
    });
    expect(await suiteEnded, 'the child never finished its suite').toBe(true);
    await new Promise((r) => setTimeout(r, 1_500));
    child.kill('SIGKILL');
    await exited;

    for (const [f, content] of before) expect(readFileSync(join(dir, f), 'utf8'), f).toBe(content);
    expect(readdirSync(dir).sort()).toEqual(before.map(([f]) => f).sort());

    runChild('day', 3);
    expect(seedIn(dir)).toBe(3);
    expect(readdirSync(root).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a crash between the two renames is undone: the moved-aside report comes back', async () => {
    const target = join(root, 'recover');
    await writeDirectoryAtomic(target, new Map([['report.json', '{"seed":7}']]));
    // Simulate the crash window: the old directory was moved aside, the new one never arrived.
    const aside = join(root, '.old-recover-123-x-y');
    spawnSync('mv', [target, aside]);
    expect(existsSync(target)).toBe(false);
    recoverInterrupted(target);
    expect(seedIn(target)).toBe(7);
    expect(existsSync(aside)).toBe(false);
  });

  it('writes nested files and replaces the whole directory (no stale files survive)', async () => {
    const target = join(root, 'replace');
    mkdirSync(target);
    writeFileSync(join(target, 'stale.svg'), '<svg/>');
    await writeDirectoryAtomic(target, new Map([['a/b.txt', 'x'], ['report.json', '{}']]));
    expect(readdirSync(target).sort()).toEqual(['a', 'report.json']);
    expect(readFileSync(join(target, 'a/b.txt'), 'utf8')).toBe('x');
  });
});
