/**
 * The calibration of spec/bases.md §8 (opt-in: SAMCHECK_CALIBRATE=<draws> npx vitest run
 * test/bases/calibrate.test.ts; SAMCHECK_CALIBRATE_SEED, default 11): per base × placement, the
 * distribution of kernel-gap / tolerance over plain draws and over draws that cancel the coupled
 * decay, how many draws the condition discards, and the worst ratio the u·floor term alone would give.
 */
import fc from 'fast-check';
import { beforeAll, it } from 'vitest';
import { useBackend } from '../../src/backend/index.js';
import { BASES } from './bases.js';
import { caseArbitrary, gap, kernelTrajectory, oracleTrajectory, sensitivity, tolerances, U32, wellConditioned } from './harness.js';

const draws = Number(process.env.SAMCHECK_CALIBRATE ?? 0);
const seed = Number(process.env.SAMCHECK_CALIBRATE_SEED ?? 11);

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

it.skipIf(!(draws > 0))('calibrates the kernel/oracle tolerance (spec/bases.md §8)', () => {
  for (const cancelling of [false, true]) {
    for (const d of BASES) {
      for (const placement of d.placements.filter((p) => !cancelling || p === 'base')) {
        const ratios: number[] = [];
        let discarded = 0;
        let nonFinite = 0;
        let floorOnly = 0;
        for (const c of fc.sample(caseArbitrary(d, { placement, cancelling }), { seed, numRuns: draws })) {
          const base = oracleTrajectory(d, c);
          const sens = sensitivity(d, c, base);
          if (!wellConditioned(base, sens)) {
            discarded++;
            if (base.some((theta) => !theta.every(Number.isFinite))) nonFinite++;
            continue;
          }
          const kernel = kernelTrajectory(d, c);
          ratios.push(gap(base, kernel, tolerances(U32, base, sens)).ratio);
          floorOnly = Math.max(floorOnly, gap(base, kernel, tolerances(U32, base, sens.map((s) => s.map(() => 0)))).ratio);
        }
        ratios.sort((a, b) => a - b);
        const q = (p: number) => (ratios[Math.min(ratios.length - 1, Math.floor(p * ratios.length))] ?? NaN).toExponential(2);
        console.log(
          `${cancelling ? 'cancelling ' : ''}${d.name}/${placement}: ${draws} draws, discarded ${discarded} (non-finite oracle ${nonFinite}); ratio median ${q(0.5)}, p99 ${q(0.99)}, max ${q(1)}; u·floor alone: max ${floorOnly.toExponential(2)}`,
        );
      }
    }
  }
}, 1_800_000);
