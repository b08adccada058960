/**
 * The DDP examples (python/examples/ddp_sam_*.py) on torch.distributed, gloo over loopback: at
 * N = 4 (float32) the two correct ones pass under their declarations and the forward-outside-
 * no_sync mistake is caught and diagnosed as synced SAM; at N = 2 (float64, tolerance 1e-10) the
 * per-replica example and the mistake, which differ by that one line. Nothing is left running.
 * Few runs per property, 16 rank processes in all: each costs a torch import (spec/protocol.md §3.2).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { distributedImplementation } from '../../src/verify/distributed/group.js';
import { formatDistributedReport, verifyDistributed } from '../../src/verify/distributed/verify.js';
import { PYTHON, alive, processesTagged, pythonHas, repoPath } from './python.js';

const HAS_TORCH = pythonHas('torch');
if (!HAS_TORCH) console.warn(`[samcheck] ${PYTHON} cannot import torch: the DDP examples are SKIPPED (apt-get install python3-torch libopenblas0-pthread)`);

const example = (name: string) => repoPath(`python/examples/ddp_sam_${name}.py`);
const RUNS = 5;

async function check(name: string, worldSize: number, dtype: string) {
  const tag = randomUUID();
  const group = distributedImplementation({ command: PYTHON, args: [example(name), '--dtype', dtype], worldSize, handshakeTimeoutMs: 60_000, env: { ...process.env, SAMCHECK_TEST_TAG: tag } });
  try {
    const report = await verifyDistributed(group, { seed: 5, numRuns: RUNS, shrink: false });
    return { report, text: formatDistributedReport(report), pids: group.pids, tag };
  } finally {
    await group.dispose();
  }
}

// The five runs go concurrently: each is mostly torch imports (CPU) and round trips (idle), so
// together they take about the imports' CPU time over the cores rather than the sum of the runs.
describe.skipIf(!HAS_TORCH).concurrent('DDP SAM examples on torch.distributed (gloo, loopback)', () => {
  const cases = [
    { worldSize: 4, dtype: 'float32', correct: ['per_replica', 'synced'] },
    { worldSize: 2, dtype: 'float64', correct: ['per_replica'] },
  ];
  for (const { worldSize, dtype, correct } of cases) {
    for (const name of correct) {
      it(`N = ${worldSize} (${dtype}): ${name} passes every property, nothing left running`, async () => {
        const r = await check(name, worldSize, dtype);
        expect(r.report.ok, r.text).toBe(true);
        expect(r.report.verdicts.filter((v) => v.status === 'passed')).toHaveLength(5);
        expect(processesTagged(r.tag)).toEqual([]);
      });
    }
    it(`N = ${worldSize} (${dtype}): the forward outside no_sync is caught and diagnosed as synced, nothing left running`, async () => {
      const mistake = await check('forward_outside_no_sync', worldSize, dtype);
      expect(mistake.report.ok).toBe(false);
      expect(mistake.report.declared).toBe('perReplicaPerturbation');
      expect(mistake.report.actual, mistake.text).toBe('synced');
      expect(mistake.report.verdicts.filter((v) => v.status === 'failed').map((v) => v.name)).toEqual(['sam.ascent-point-per-rank', 'sam.data-parallel-steps-match-oracle']);
      expect(mistake.text).toMatch(/diagnosis: declared perReplicaPerturbation, but the ranks implement synced/);
      for (const pid of mistake.pids) expect(alive(-pid)).toBe(false);
      expect(processesTagged(mistake.tag)).toEqual([]);
    });
  }
});
