import type { AlgorithmDescriptor } from '../descriptor.js';
import { sgdArbitrary } from './arbitraries.js';
import { sgdKernel, type SgdOwn } from './kernel.js';
import { sgdMutants } from './mutants.js';
import { SgdOptimizer } from './optimizer.js';
import { sgdOracle } from './oracle.js';
import { SgdReference } from './reference.js';

export const sgd: AlgorithmDescriptor<SgdOwn> = {
  name: 'sgd',
  title: 'SGD (the base optimizer alone)',
  spec: 'spec/algorithms.md §1',
  kernel: sgdKernel,
  oracle: sgdOracle,
  reference: SgdReference,
  mutants: sgdMutants,
  arbitraries: sgdArbitrary,
  // Nothing is normalised: the step on c·L with (c·η… ) is exact.
  tags: { scaling: { hyperparameters: () => ({}), normalisedNorms: () => [] } },
  benchmark: () => [{ label: 'SGD', config: {} }],
  minimalConfig: {},
  optimizer: SgdOptimizer,
};
