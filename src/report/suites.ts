import type { Suite } from './types.js';

/** Loads one suite lazily, so `--merge` and the fake test suite never load tfjs. */
export type SuiteLoader = () => Promise<Suite>;

/**
 * The report's suites. The report knows none of them: the benchmarks register themselves
 * (benchmarks/suites.ts, loaded by the CLI), and hand their results back as `SuiteResult`s.
 * Registration order is run order; shards pick a subset with `suites`.
 */
const loaders = new Map<string, { load: SuiteLoader; estimatedMinutes: { quick: number; full: number } }>();

/** `estimatedMinutes`: used when no previous report gives the suite's duration (known without loading the suite). */
export function registerSuite(name: string, load: SuiteLoader, estimatedMinutes: { quick: number; full: number }): void {
  loaders.set(name, { load, estimatedMinutes });
}

export function suiteLoader(name: string): SuiteLoader | undefined {
  return loaders.get(name)?.load;
}

/** A registered suite's static estimate in minutes (0 for unknown names, e.g. the fake suite). */
export function suiteEstimateMinutes(name: string, quick: boolean): number {
  const e = loaders.get(name)?.estimatedMinutes;
  return e ? (quick ? e.quick : e.full) : 0;
}

/** Registered suite names, in run order. */
export function suiteNames(): string[] {
  return [...loaders.keys()];
}

/** A suite that measures nothing: for tests of the report machinery (atomic writes, kills). */
export function fakeSuite(delayMs: number): Suite {
  return {
    name: 'fake',
    title: 'Fake suite (test only)',
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
