import { strykerTestConfig } from './vitest.stryker.config.js';

/** src/oracle: the oracle's own properties, the claims, and the kernel-vs-oracle comparisons. */
export default strykerTestConfig([
  'properties/oracle/*.test.ts',
  'properties/claims/*.test.ts',
  'properties/core/*.test.ts',
  'properties/family/*.test.ts',
]);
