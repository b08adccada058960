/**
 * spec/bases.md §8 B4 — the ground truth that the semantics are torch's: every base × placement
 * (torch forms), the float64 oracle agrees with torch 1.13's torch.optim in float64 on the same
 * random sequences; and the same comparison tells every mutant apart from torch.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseDescriptor } from '../../src/bases/registry.js';
import type { BaseDescriptor } from '../../src/bases/descriptor.js';
import { PYTHON, pythonHas, repoPath } from '../verify/python.js';
import { BASES } from './bases.js';
import { caseArbitrary, gap, oracleTrajectory, referenceTrajectory, sensitivity, tolerances, U64, wellConditioned, type Case } from './harness.js';

const HAS_TORCH = pythonHas('torch');
if (!HAS_TORCH) console.warn(`[samcheck] ${PYTHON} cannot import torch: the torch.optim comparison of the bases is SKIPPED (apt-get install python3-torch libopenblas0-pthread)`);

const CASES_PER_PLACEMENT = 40;

interface Sample {
  d: BaseDescriptor;
  c: Case;
  torch: number[][];
}

let samples: Sample[] = [];

beforeAll(() => {
  if (!HAS_TORCH) return;
  const seed = fc.readConfigureGlobal().seed ?? 0;
  const drawn = BASES.flatMap((d) =>
    d.placements.flatMap((placement, k) => fc.sample(caseArbitrary(d, { placement, own: d.arbitrary() as fc.Arbitrary<Record<string, unknown>> }), { seed: seed + k, numRuns: CASES_PER_PLACEMENT }).map((c) => ({ d, c }))),
  );
  const input = JSON.stringify(drawn.map(({ d, c }) => ({ base: d.name, own: c.own, common: c.common, theta0: c.theta0, grads: c.grads })));
  const out = JSON.parse(execFileSync(PYTHON, [repoPath('test/bases/torch_bases.py')], { input, timeout: 120_000, maxBuffer: 64 << 20 }).toString()) as number[][][];
  samples = drawn.map((s, i) => ({ ...s, torch: out[i] }));
}, 180_000);

/** ‖torch − trajectory‖ within the float64 tolerance of §8 (NaN-free, well-conditioned draws only). */
function agrees(s: Sample, trajectory: number[][]): boolean | 'discarded' {
  const base = oracleTrajectory(s.d, s.c);
  const sens = sensitivity(s.d, s.c, base);
  if (!wellConditioned(base, sens)) return 'discarded';
  return gap(s.torch, trajectory, tolerances(U64, base, sens)).ratio <= 1;
}

describe.skipIf(!HAS_TORCH)('B4: the oracle of every base agrees with torch.optim (torch 1.13, float64)', () => {
  for (const d of BASES) {
    for (const placement of d.placements) {
      it(`${d.name}, weightDecayIn '${placement}'`, () => {
        const mine = samples.filter((s) => s.d === d && s.c.common.weightDecayIn === placement);
        const verdicts = mine.map((s) => agrees(s, oracleTrajectory(d, s.c)));
        const checked = verdicts.filter((v) => v !== 'discarded').length;
        expect(checked, 'too few well-conditioned draws').toBeGreaterThanOrEqual(CASES_PER_PLACEMENT / 2);
        const bad = mine.find((_, i) => verdicts[i] === false);
        expect(bad && JSON.stringify({ case: bad.c, torch: bad.torch, oracle: oracleTrajectory(d, bad.c) }), 'disagrees with torch').toBeUndefined();
      });
    }
  }

  it('the same comparison tells every mutant apart from torch', () => {
    const missed = BASES.flatMap((d) => d.mutants.map((m) => ({ m, d })))
      .filter(({ m, d }) => !samples.some((s) => s.d === baseDescriptor(m.base) && s.d === d && agrees(s, referenceTrajectory(m.make(s.c.own as never, s.c.common), s.c)) === false))
      .map(({ m }) => m.id);
    expect(missed).toEqual([]);
  });
});
