import { beforeAll, describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { useBackend } from '../../src/backend/index.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import { closeTo, problemArb } from './problems.js';
import { scoped, sideBySide } from './harness.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const base = fc.record({
  learningRate: fc.double({ min: 0.01, max: 0.2, noNaN: true }),
  momentum: fc.constantFrom(0, 0.9),
  weightDecay: fc.constantFrom(0, 1e-3, 0.05),
  weightDecayIn: fc.constantFrom('base' as const, 'loss' as const),
});
const rho = fc.double({ min: 0.01, max: 0.5, noNaN: true });

const multiStep = fc.record({
  algorithm: fc.constant('multistep-sam' as const),
  rho,
  steps: fc.integer({ min: 1, max: 4 }),
  ascent: fc.constantFrom('fixed-path' as const, 'projected' as const),
  stepSizeMultiplier: fc.constantFrom(0.5, 1, 2),
  applied: fc.constantFrom('last' as const, 'average' as const),
});
const xsam = fc.record({
  algorithm: fc.constant('xsam' as const),
  rho,
  steps: fc.integer({ min: 1, max: 3 }),
  rhoMax: fc.double({ min: 0.01, max: 1, noNaN: true }),
  alpha: fc.constantFrom(0, 0.5, 1, 1.7),
  dynamic: fc.boolean(),
  probeInterval: fc.constantFrom(1, 2),
  referenceProbeInit: fc.boolean(),
});
const mSam = fc.record({ algorithm: fc.constant('m-sam' as const), rho, m: fc.constantFrom(1, 2) });
const nSam = fc.record({ algorithm: fc.constant('n-sam' as const), rho });
// τ ≥ 0.5, h ≥ 0.1: the float32 forward difference has error ~u·|f|/h, which 1/τ amplifies (spec/family.md).
const rwSam = fc.record({
  algorithm: fc.constant('rw-sam' as const),
  rho,
  temperature: fc.oneof(fc.double({ min: 0.5, max: 10, noNaN: true }), fc.constant('infinity' as const)),
  h: fc.double({ min: 0.1, max: 0.5, noNaN: true }),
});

/** XSAM: when float32 and float64 probes pick different α, the two probe losses must tie; then compare at the kernel's α. */
function alignAlpha(scalars: Record<string, number>, oracle: Record<string, unknown>): AlgorithmConfig | null {
  if (!(oracle.probed as boolean) || scalars.alpha === oracle.alpha) return null;
  const losses = oracle.probeLosses as number[];
  const at = (alpha: number) => losses[Math.round(alpha / 0.1)];
  const gap = Math.abs(at(scalars.alpha) - at(oracle.alpha as number));
  expect(gap, `α ${scalars.alpha} vs ${oracle.alpha as number}`).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(at(oracle.alpha as number))));
  return null;
}

describe('every family algorithm and option matches its float64 oracle (spec/family.md K1)', () => {
  test.prop([fc.oneof(multiStep, xsam, mSam, nSam, rwSam), base, problemArb()], { numRuns: 80 })('kernel ≈ oracle over 2 steps', (alg, b, p) => {
    const config = { ...alg, ...b } as AlgorithmConfig;
    let realigned = false;
    const runs = scoped(() =>
      sideBySide(config, p, 2, (s, o) => {
        const r = alignAlpha(s, o);
        if (o.probed && s.alpha !== o.alpha) {
          realigned = true;
          return { ...config, dynamic: false, alpha: s.alpha } as AlgorithmConfig;
        }
        return r;
      }),
    );
    for (const r of runs) expect(closeTo(r.kernel, r.oracle, 2e-5), `${JSON.stringify([...r.kernel])} vs ${JSON.stringify(r.oracle)} realigned=${realigned}`).toBe(true);
  });
});
