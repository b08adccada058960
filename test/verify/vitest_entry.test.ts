import { beforeAll } from 'vitest';
import { useBackend } from '../../src/backend/index.js';
import { kernelImplementation } from '../../src/verify/adapters/kernel.js';
import { describeConformance } from '../../src/verify/vitest.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

// What another project writes: one line, one `it` per property.
describeConformance(kernelImplementation(), { seed: 5, numRuns: 10, algorithms: ['sam'] });
