import { afterEach, describe, expect, it } from 'vitest';
import { subprocessImplementation, type SubprocessImplementation } from '../../src/verify/adapters/subprocess.js';
import { formatReport, verify } from '../../src/verify/verify.js';
import { PYTHON, alive, repoPath } from './python.js';

const FIXTURE = repoPath('test/verify/fixtures/misbehaving_adapter.py');
const opened: SubprocessImplementation[] = [];

function adapter(mode: string, extra: Partial<Parameters<typeof subprocessImplementation>[0]> = {}) {
  const impl = subprocessImplementation({ command: PYTHON, args: [FIXTURE, mode], messageTimeoutMs: 800, handshakeTimeoutMs: 5000, ...extra });
  opened.push(impl);
  return impl;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((i) => i.dispose()));
});

async function run(mode: string, extra = {}) {
  const impl = adapter(mode, extra);
  const started = Date.now();
  const report = await verify(impl, { seed: 7, numRuns: 5 });
  const pid = impl.pid!;
  await impl.dispose();
  return { report, elapsed: Date.now() - started, pid, text: formatReport(report) };
}

describe('samcheck-protocol/1 end to end over a Python subprocess', () => {
  it('a well-behaved plain-Python SGD passes; stderr noise and stray prints are not fatal', async () => {
    const { report, text } = await run('noisy');
    expect(report.ok, text).toBe(true);
    // Declared unsupported ⇒ SKIPPED, never silently passed.
    expect(report.verdicts.find((v) => v.property === 'momentum-buffer-two-steps')?.status).toBe('skipped');
  });

  const broken: Array<[string, RegExp, object?]> = [
    ['crash', /exited unexpectedly with code 3[\s\S]*simulated segfault/],
    ['hang', /TIMEOUT[\s\S]*no message within 800 ms/],
    ['garbage', /malformed-json[\s\S]*loss=0.25/],
    ['partial', /partial-line/],
    ['oversized', /oversized-line/, { maxLineBytes: 100_000 }],
    ['version', /version-mismatch[\s\S]*samcheck-protocol\/0/],
  ];
  for (const [mode, message, extra] of broken) {
    it(`an adapter that does "${mode}" gives a clear error within its timeout, a failing verdict, and no process left`, async () => {
      const { report, elapsed, pid, text } = await run(mode, extra);
      expect(report.ok).toBe(false);
      const errors = report.verdicts.filter((v) => v.status === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0].message, text).toMatch(message);
      // Everything after the error is reported as not run, never as passed.
      const i = report.verdicts.indexOf(errors[0]);
      expect(report.verdicts.slice(i + 1).every((v) => v.status === 'not-run')).toBe(true);
      expect(elapsed).toBeLessThan(8000);
      expect(alive(pid)).toBe(false);
    });
  }

  it('a hung adapter that spawned a grandchild: the whole process group is killed', async () => {
    const { report, pid } = await run('grandchild');
    expect(report.ok).toBe(false);
    expect(alive(pid)).toBe(false);
    expect(alive(-pid)).toBe(false);
  });

  it('a command that does not exist is a spawn error, not a hang', async () => {
    const impl = subprocessImplementation({ command: '/nonexistent/samcheck-adapter' });
    const report = await verify(impl, { seed: 1, numRuns: 2 });
    await impl.dispose();
    expect(report.ok).toBe(false);
    expect(report.verdicts[0].message).toMatch(/spawn-failed/);
  });
});
