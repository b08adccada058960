import { length } from '../../oracle/vector.js';
import type { AlgorithmDescriptor } from '../descriptor.js';
import { mSamArbitrary } from './arbitraries.js';
import { mSamKernel, type MSamOwn } from './kernel.js';
import { mSamMutants } from './mutants.js';
import { MSamOptimizer } from './optimizer.js';
import { mSamOracle } from './oracle.js';
import { MSamReference } from './reference.js';

export const mSam: AlgorithmDescriptor<MSamOwn> = {
  name: 'm-sam',
  title: 'm-SAM (per-micro-batch perturbations; Foret et al. 2021, Andriushchenko & Flammarion 2022)',
  spec: 'spec/family.md §1.3',
  kernel: mSamKernel,
  oracle: mSamOracle,
  reference: MSamReference,
  mutants: mSamMutants,
  arbitraries: mSamArbitrary,
  tags: {
    finiteSum: true,
    scaling: {
      hyperparameters: () => ({}),
      normalisedNorms: (i) => {
        const batch = i.data!.batch;
        const m = i.config.m as number;
        return Array.from({ length: batch.length / m }, (_, j) => length(i.gradient(i.theta0, batch.slice(j * m, (j + 1) * m))));
      },
    },
  },
  benchmark: (ctx) => {
    const m = Math.max(1, ctx.batchSize / 4);
    return [{ label: `m-SAM (m=${m})`, config: { rho: ctx.rho, m } }];
  },
  minimalConfig: { m: 1 },
  optimizer: MSamOptimizer,
};
