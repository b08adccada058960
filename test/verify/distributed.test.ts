/**
 * The data-parallel harness (spec/protocol.md §3.2) against plain-Python ranks without torch: the
 * paths that do not need a real collective — shard serving, replica agreement, request counts,
 * and every way a rank can break, each named and reaped.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ImplementationError, ProtocolError } from '../../src/verify/protocol.js';
import { runVerifyCommand } from '../../src/verify/cli.js';
import { RankFailure, gatherRanks } from '../../src/verify/distributed/failures.js';
import { distributedImplementation, type DistributedImplementation } from '../../src/verify/distributed/group.js';
import { parseRendezvous, rankLaunch } from '../../src/verify/distributed/launch.js';
import { shardsOf } from '../../src/verify/distributed/shards.js';
import { formatDistributedReport, verifyDistributed } from '../../src/verify/distributed/verify.js';
import { PYTHON, alive, processesTagged, repoPath } from './python.js';

const FIXTURE = repoPath('test/verify/fixtures/distributed_fixture.py');
const opened: DistributedImplementation[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((g) => g.dispose()));
});

/** One verify run over `worldSize` fixture ranks; returns the report and whether anything of it is still alive. */
async function run(worldSize: number, mode: string[], numRuns = 5) {
  const tag = `SAMCHECK_TEST_TAG=${randomUUID()}`;
  const [key, value] = tag.split('=');
  const group = distributedImplementation({ command: PYTHON, args: [FIXTURE, ...mode], worldSize, messageTimeoutMs: 500, handshakeTimeoutMs: 10_000, graceMs: 200, env: { ...process.env, [key]: value } });
  opened.push(group);
  const started = Date.now();
  const report = await verifyDistributed(group, { seed: 3, numRuns });
  const pids = group.pids;
  await group.dispose();
  return { report, pids, elapsed: Date.now() - started, text: formatDistributedReport(report), leftovers: processesTagged(tag) };
}

const verdict = (r: Awaited<ReturnType<typeof run>>, name: string) => r.report.verdicts.find((v) => v.name === name);

describe('data-parallel harness over plain-Python ranks', () => {
  it('one rank of per-shard SGD is data-parallel SGD: every property passes', async () => {
    const r = await run(1, ['local-sgd'], 10);
    expect(r.report.ok, r.text).toBe(true);
    expect(r.report.verdicts.map((v) => v.name)).toEqual(['sgd.gradient-requests-per-rank', 'sgd.data-parallel-steps-match-oracle']);
    expect(r.leftovers).toEqual([]);
  });

  it('two ranks without an all-reduce: the replicas diverge and the verdict names both ranks', async () => {
    const r = await run(2, ['local-sgd']);
    expect(verdict(r, 'sgd.data-parallel-steps-match-oracle')?.message, r.text).toMatch(/replicas diverged at step \d: rank 1 ≠ rank 0/);
  });

  it('an extra gradient request per step fails the per-rank count', async () => {
    const r = await run(1, ['extra-request']);
    expect(verdict(r, 'sgd.gradient-requests-per-rank')?.message, r.text).toMatch(/rank 0 made 2 gradient requests in one step, expected 1/);
  });

  const broken: Array<[string, string[], RegExp]> = [
    ['crashes at its second step', ['crash', '1', '2'], /PROTOCOL: rank = 1: rank 1 of 3 failed during step 1 of the session \(step id 1\)[\s\S]*exited unexpectedly with code 3[\s\S]*simulated crash on rank 1/],
    ['stops answering', ['hang', '1', '1'], /TIMEOUT: rank = 1: rank 1 of 3 failed during step 1[\s\S]*no message within 500 ms[\s\S]*rank 0 \(1 gradient requests in this step\): finished/],
    ['asks for a sample of another shard', ['foreign', '2'], /PROTOCOL: rank = 2: rank 2 of 3 failed[\s\S]*invalid-message[\s\S]*rank 2 holds samples \[/],
    ['declares another rank', ['wrong-rank'], /PROTOCOL: rank = 1: rank 1 of 3: protocol.invalid-message: it declares rank 0 of 3; it was started as rank 1 of 3/],
    ['declares no distributed capabilities', ['undeclared'], /rank = 0: rank 0 of 3: protocol.invalid-message: its hello declares no capabilities.distributed/],
    ['leaves sleeping grandchildren and hangs', ['grandchild', '0', '1'], /TIMEOUT: rank = 0: rank 0 of 3/],
  ];
  for (const [what, mode, message] of broken) {
    it(`a rank that ${what}: an error naming it, within the timeout, nothing left running`, async () => {
      const r = await run(3, mode);
      expect(r.report.ok).toBe(false);
      const errors = r.report.verdicts.filter((v) => v.status === 'error');
      expect(errors, r.text).toHaveLength(1);
      expect(errors[0].message, r.text).toMatch(message);
      const after = r.report.verdicts.slice(r.report.verdicts.indexOf(errors[0]) + 1);
      expect(after.every((v) => v.status === 'not-run')).toBe(true);
      expect(r.elapsed).toBeLessThan(10_000);
      expect(r.pids.length).toBe(3);
      for (const pid of r.pids) expect(alive(-pid), `process group ${pid}`).toBe(false);
      expect(r.leftovers).toEqual([]);
    });
  }
});

describe('blaming a rank', () => {
  const later = <T>(ms: number, f: () => T) => new Promise<T>((resolve, reject) => setTimeout(() => {
    try {
      resolve(f());
    } catch (e) {
      reject(e);
    }
  }, ms));
  const ctx = { worldSize: 3, what: 'step 1', graceMs: 200 };

  it('a crash is the cause even when a peer reports its consequence first', async () => {
    const failure = await gatherRanks(
      [
        later(0, () => { throw new ImplementationError('the implementation reported: Traceback (most recent call last):\n  File "x.py"\nRuntimeError: Connection closed by peer\n'); }),
        later(50, () => { throw new ProtocolError('exited', 'the implementation exited unexpectedly with code 3', 3); }),
        later(0, () => 'ok'),
      ],
      ctx,
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RankFailure);
    expect((failure as RankFailure).rank).toBe(1);
    expect((failure as RankFailure).message).toMatch(/rank 1 of 3 failed during step 1[\s\S]*rank 0: reported RuntimeError: Connection closed by peer; rank 2: finished/);
  });

  it('among timeouts the earliest (the rank silent longest) is named, and the wait after the first failure is bounded', async () => {
    const started = Date.now();
    const failure = (await gatherRanks(
      [
        later(60, () => { throw new ProtocolError('timeout', 'no message within 60 ms', 60); }),
        later(20, () => { throw new ProtocolError('timeout', 'no message within 20 ms', 20); }),
        new Promise<never>(() => {}),
      ],
      ctx,
    ).catch((e: unknown) => e)) as RankFailure;
    expect(failure.code).toBe('TIMEOUT');
    expect(failure.rank).toBe(1);
    expect(failure.message).toMatch(/rank 2: no answer 200 ms after rank 1 failed/);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('launch and shards', () => {
  it('rank r holds the contiguous slice r of the global batch; b must split evenly', () => {
    expect(shardsOf([5, 2, 0, 3], 2)).toEqual([[5, 2], [0, 3]]);
    expect(() => shardsOf([1, 2, 3], 2)).toThrow(/data\.batch = 3: .*2 divides b/);
  });

  it('every rank gets torchrun variables and filled placeholders; the harness environment is kept', () => {
    const l = rankLaunch('ssh', ['node{rank}', 'RANK={rank}', '{master_addr}:{master_port}/{world_size}'], 2, 4, { host: '10.0.0.1', port: 29500 }, { PATH: '/bin' });
    expect(l.args).toEqual(['node2', 'RANK=2', '10.0.0.1:29500/4']);
    expect(l.env).toMatchObject({ PATH: '/bin', RANK: '2', WORLD_SIZE: '4', MASTER_ADDR: '10.0.0.1', MASTER_PORT: '29500', OMP_NUM_THREADS: '1' });
  });

  it('--rendezvous takes HOST:PORT, HOST, :PORT and [IPv6]:PORT; anything else is a typed error', () => {
    expect(parseRendezvous('10.0.0.1:29500')).toEqual({ host: '10.0.0.1', port: 29500 });
    expect(parseRendezvous('node0')).toEqual({ host: 'node0' });
    expect(parseRendezvous(':29500')).toEqual({ host: '127.0.0.1', port: 29500 });
    expect(parseRendezvous('[::1]:29500')).toEqual({ host: '::1', port: 29500 });
    expect(() => parseRendezvous('a:b:c')).toThrow(/--rendezvous = "a:b:c"/);
    expect(() => parseRendezvous('h:70000')).toThrow(/port 1–65535/);
  });

  it('CLI: --world-size needs --impl and a positive integer; a bad --rendezvous is bad usage; --help lists both', async () => {
    const quiet = () => {};
    expect(await runVerifyCommand(['--world-size', '2'], quiet)).toBe(2);
    expect(await runVerifyCommand(['--world-size', '0', '--impl', 'x'], quiet)).toBe(2);
    expect(await runVerifyCommand(['--world-size', '2', '--impl', 'x', '--rendezvous', 'a:b:c'], quiet)).toBe(2);
    const lines: string[] = [];
    await runVerifyCommand(['--help'], (l) => lines.push(l));
    expect(lines.join('\n')).toMatch(/--world-size N[\s\S]*--rendezvous/);
  });

  it('CLI end to end: exit 0 for a conformant group, 1 with the rank named for a crashing one', async () => {
    const lines: string[] = [];
    expect(await runVerifyCommand(['--impl', `${PYTHON} ${FIXTURE} local-sgd`, '--world-size', '1', '--num-runs', '5'], (l) => lines.push(l)), lines.join('\n')).toBe(0);
    expect(lines.join('\n')).toMatch(/\(1 ranks\): 2 passed, 0 failed[\s\S]*OK/);
    lines.length = 0;
    expect(await runVerifyCommand(['--impl', `${PYTHON} ${FIXTURE} crash 1 1`, '--world-size', '2', '--num-runs', '5', '--timeout', '2000'], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/ERROR +sgd.gradient-requests-per-rank\n +PROTOCOL: rank = 1/);
  });
});
