import { registerSuite } from '../src/report/suites.js';

/**
 * Minutes each suite took in the last measured runs (spec/benchmarks.md, "Measured"): the
 * progress line's estimate when no previous report of the same mode gives the duration.
 */
const MEASURED_MINUTES = {
  kernels: { quick: 0.75, full: 5.8 },
  efficiency: { quick: 1.5, full: 4 },
  training: { quick: 1.5, full: 40 },
  figures: { quick: 0.5, full: 2.5 },
  soak: { quick: 0.6, full: 3.5 },
  properties: { quick: 0.4, full: 1.2 },
  mutation: { quick: 0, full: 0 },
};

/**
 * Registers the benchmark suites with the report (src/report knows no benchmark; they hand it
 * their results). Lazy: a suite's code (and tfjs) loads only when that suite runs. Order = run order.
 */
export function registerBenchmarkSuites(): void {
  const m = MEASURED_MINUTES;
  registerSuite('kernels', async () => (await import('./kernels/suite.js')).kernelSuite, m.kernels);
  registerSuite('efficiency', async () => (await import('./efficiency/suite.js')).efficiencySuite, m.efficiency);
  registerSuite('training', async () => (await import('./training/suite.js')).trainingSuite, m.training);
  registerSuite('figures', async () => (await import('./figures/suite.js')).figureSuite, m.figures);
  registerSuite('soak', async () => (await import('./soak/suite.js')).soakSuite, m.soak);
  registerSuite('properties', async () => (await import('./properties/throughput.js')).propertyThroughputSuite, m.properties);
  registerSuite('mutation', async () => (await import('./mutation/suite.js')).mutationSuite, m.mutation);
}
