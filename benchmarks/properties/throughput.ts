import fc from 'fast-check';
import type { Metric, Suite, Table } from '../../src/report/types.js';

/**
 * Property-suite throughput: cases per second per property. API only for now: the property
 * files do not export their properties yet. To wire it, a property module exports
 * `throughputEntries: ThroughputEntry[]` (the same fc.property objects its tests check), and
 * `propertyThroughputSuite` is added to SUITE_LOADERS with a loader that imports those modules.
 */
export interface ThroughputEntry {
  /** The property's name as in spec/properties (e.g. "S1 SAM perturbation has norm ρ"). */
  name: string;
  property: fc.IRawProperty<unknown[]>;
}

export interface ThroughputResult {
  name: string;
  cases: number;
  seconds: number;
  casesPerSecond: number;
  /** A failing property is reported, not thrown: throughput runs are not the correctness check. */
  failed: boolean;
}

export async function measureThroughput(entry: ThroughputEntry, options: { numRuns: number; seed: number }): Promise<ThroughputResult> {
  const started = performance.now();
  const details = await fc.check(entry.property, { numRuns: options.numRuns, seed: options.seed, endOnFailure: true });
  const seconds = (performance.now() - started) / 1000;
  return { name: entry.name, cases: details.numRuns, seconds, casesPerSecond: details.numRuns / seconds, failed: details.failed };
}

/** A report suite over the entries a loader returns (e.g. dynamic imports of properties/**). */
export function propertyThroughputSuite(load: () => Promise<ThroughputEntry[]>): Suite {
  return {
    name: 'property-throughput',
    title: 'Property suite throughput',
    estimatedMinutes: { quick: 1, full: 5 },
    async run(ctx) {
      const entries = await load();
      const results: ThroughputResult[] = [];
      for (const [i, e] of entries.entries()) {
        results.push(await measureThroughput(e, { numRuns: ctx.quick ? 20 : 200, seed: ctx.seed }));
        ctx.progress((i + 1) / entries.length, e.name);
      }
      // One timing per property: its noise is taken as 20% of the value (timings on shared 2-core runners vary ±30%).
      const metrics: Metric[] = results.map((r) => ({ name: `properties/${r.name}/seconds-per-case`, unit: 's', value: r.seconds / r.cases, noise: (0.2 * r.seconds) / r.cases, smallerIsBetter: true }));
      const table: Table = {
        title: 'Cases per second per property',
        columns: ['property', 'cases', 'seconds', 'cases / s', 'failed'],
        rows: results.map((r) => [r.name, r.cases, r.seconds, r.casesPerSecond, r.failed ? 'yes' : '']),
      };
      return { title: 'Property suite throughput', metrics, tables: [table], figures: [], notes: [] };
    },
  };
}
