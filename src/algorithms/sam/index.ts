import { length } from '../../oracle/vector.js';
import { zeroRadiusPin, type AlgorithmDescriptor } from '../descriptor.js';
import { samArbitrary } from './arbitraries.js';
import { samKernel, type SamOwn } from './kernel.js';
import { samMutants } from './mutants.js';
import { SamOptimizer } from './optimizer.js';
import { samOracle } from './oracle.js';
import { SamReference } from './reference.js';

export const sam: AlgorithmDescriptor<SamOwn> = {
  name: 'sam',
  title: 'SAM (Foret et al. 2021)',
  spec: 'spec/algorithms.md §2',
  kernel: samKernel,
  oracle: samOracle,
  reference: SamReference,
  mutants: samMutants,
  arbitraries: samArbitrary,
  degeneratePin: zeroRadiusPin,
  tags: {
    ascent: { scale: (_c, theta0) => theta0.map(() => 1), radius: (c, tg) => ((c.rho as number) * tg) / (tg + (c.epsilon as number)) },
    scaling: { hyperparameters: () => ({}), normalisedNorms: (i) => [length(i.gradient(i.theta0))] },
  },
  benchmark: (ctx) => [{ label: 'SAM', config: { rho: ctx.rho } }],
  minimalConfig: {},
  optimizer: SamOptimizer,
};
