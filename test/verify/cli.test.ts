import { describe, expect, it } from 'vitest';
import { runVerifyCommand, splitCommand } from '../../src/verify/cli.js';
import { PYTHON, repoPath } from './python.js';

describe('samcheck verify (CLI entry)', () => {
  it('splits --impl without a shell', () => {
    expect(splitCommand(`/usr/bin/python3 "a b.py" --dtype 'float 64'`)).toEqual(['/usr/bin/python3', 'a b.py', '--dtype', 'float 64']);
  });

  it('exits 1 with a replay line for a mutant, and the replay reproduces the same failure', async () => {
    const lines: string[] = [];
    expect(await runVerifyCommand(['--mutant', 'sam-sign-flip', '--seed', '9', '--num-runs', '50'], (l) => lines.push(l))).toBe(1);
    const replay = lines.join('\n').match(/replay: samcheck verify (.*)/)![1];
    const again: string[] = [];
    expect(await runVerifyCommand(splitCommand(replay), (l) => again.push(l))).toBe(1);
    expect(again.join('\n')).toMatch(/FAILED\s+sam\.step-matches-oracle/);
  });

  it('--mutant runs a family mutant too: the unclamped XSAM arccos is killed by the parallel-directions property', async () => {
    const lines: string[] = [];
    expect(await runVerifyCommand(['--mutant', 'xsam-unclamped-arccos', '--seed', '1', '--num-runs', '100'], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/FAILED\s+xsam\.parallel-directions-step-is-finite[\s\S]*non-finite/);
  });

  it('exits 1 (not hanging) when the --impl subprocess crashes, and 2 on bad usage', async () => {
    const impl = `${PYTHON} ${repoPath('test/verify/fixtures/misbehaving_adapter.py')} crash`;
    expect(await runVerifyCommand(['--impl', impl, '--num-runs', '3'], () => {})).toBe(1);
    expect(await runVerifyCommand(['--seed', 'x'], () => {})).toBe(2);
  });

  it('--help prints every option and exits 0', async () => {
    const lines: string[] = [];
    expect(await runVerifyCommand(['--help'], (l) => lines.push(l))).toBe(0);
    for (const flag of ['--impl', '--property', '--algorithm', '--seed', '--path', '--num-runs', '--timeout', '--mutants', '--mutant', '--vectors', '--claims']) {
      expect(lines.join('\n')).toContain(flag);
    }
  });
});
