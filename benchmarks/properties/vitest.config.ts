// The project's vitest config plus the throughput recorder (benchmarks/properties/throughput.ts runs it).
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    test: { setupFiles: ['benchmarks/properties/record_throughput.ts'], fileParallelism: false },
  }),
);
