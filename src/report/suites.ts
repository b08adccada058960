import type { Suite } from './types.js';

/**
 * The report's suites, loaded lazily so `--merge` and the fake test suite never load tfjs.
 * Order = run order. Shards pick a subset with `suites`.
 */
export const SUITE_LOADERS: Record<string, () => Promise<Suite>> = {
  kernels: async () => (await import('../../benchmarks/kernels/suite.js')).kernelSuite,
  efficiency: async () => (await import('../../benchmarks/efficiency/suite.js')).efficiencySuite,
  training: async () => (await import('../../benchmarks/training/suite.js')).trainingSuite,
  figures: async () => (await import('../../benchmarks/figures/suite.js')).figureSuite,
  soak: async () => (await import('../../benchmarks/soak/suite.js')).soakSuite,
  properties: async () => (await import('../../benchmarks/properties/throughput.js')).propertyThroughputSuite,
  mutation: async () => (await import('../../benchmarks/mutation/suite.js')).mutationSuite,
};

export const DEFAULT_SUITES = Object.keys(SUITE_LOADERS);

/** A suite that measures nothing: for tests of the report machinery (atomic writes, kills). */
export function fakeSuite(delayMs: number): Suite {
  return {
    name: 'fake',
    title: 'Fake suite (test only)',
    estimatedMinutes: { quick: 0, full: 0 },
    async run(ctx) {
      const steps = 5;
      for (let i = 1; i <= steps; i++) {
        await new Promise((r) => setTimeout(r, delayMs / steps));
        ctx.progress(i / steps, `step ${i}`);
      }
      return {
        title: 'Fake suite (test only)',
        metrics: [{ name: 'fake/value', unit: 'ms', value: ctx.seed + 1, noise: 0.1, smallerIsBetter: true }],
        tables: [{ title: 'fake', columns: ['seed'], rows: [[ctx.seed]] }],
        figures: [],
        notes: ['fake suite: no measurement'],
      };
    },
  };
}
