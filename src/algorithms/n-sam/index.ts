import { length } from '../../oracle/vector.js';
import { zeroRadiusPin, type AlgorithmDescriptor } from '../descriptor.js';
import { nSamArbitrary } from './arbitraries.js';
import { nSamKernel, type NSamOwn } from './kernel.js';
import { nSamMutants } from './mutants.js';
import { NSamOptimizer } from './optimizer.js';
import { nSamOracle } from './oracle.js';
import { NSamReference } from './reference.js';

export const nSam: AlgorithmDescriptor<NSamOwn> = {
  name: 'n-sam',
  title: 'n-SAM (full-data perturbation; Andriushchenko & Flammarion 2022)',
  spec: 'spec/family.md §1.4',
  kernel: nSamKernel,
  oracle: nSamOracle,
  reference: NSamReference,
  mutants: nSamMutants,
  arbitraries: nSamArbitrary,
  degeneratePin: zeroRadiusPin,
  tags: { finiteSum: true, scaling: { hyperparameters: () => ({}), normalisedNorms: (i) => [length(i.gradient(i.theta0, i.data!.full))] } },
  benchmark: (ctx) => [{ label: 'n-SAM', config: { rho: ctx.rho } }],
  minimalConfig: {},
  optimizer: NSamOptimizer,
};
