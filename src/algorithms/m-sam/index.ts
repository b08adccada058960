import { length } from '../../oracle/vector.js';
import { zeroRadiusPin, type AlgorithmDescriptor } from '../descriptor.js';
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
  degeneratePin: (pins) => (zeroRadiusPin(pins) ?? (typeof pins.m === 'number' && pins.m >= 4 ? `m = ${pins.m}: at least every batch the suite draws (b ≤ 4), so one micro-batch is the whole batch (SAM)` : null)),
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
