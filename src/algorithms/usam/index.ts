import { zeroRadiusPin, type AlgorithmDescriptor } from '../descriptor.js';
import { usamArbitrary } from './arbitraries.js';
import { usamKernel, type UsamOwn } from './kernel.js';
import { usamMutants } from './mutants.js';
import { UsamOptimizer } from './optimizer.js';
import { usamOracle } from './oracle.js';
import { UsamReference } from './reference.js';

export const usam: AlgorithmDescriptor<UsamOwn> = {
  name: 'usam',
  title: 'USAM (unnormalized SAM; Andriushchenko & Flammarion 2022)',
  spec: 'spec/algorithms.md §3',
  kernel: usamKernel,
  oracle: usamOracle,
  reference: UsamReference,
  mutants: usamMutants,
  arbitraries: usamArbitrary,
  degeneratePin: zeroRadiusPin,
  tags: {
    ascent: { scale: (_c, theta0) => theta0.map(() => 1), radius: (c, _tg, g) => (c.rho as number) * g },
    // δ = ρ·g scales with the loss: c·L with ρ is L with c·ρ. Nothing is normalised.
    scaling: { hyperparameters: (c, s) => ({ rho: (c.rho as number) * s }), normalisedNorms: () => [] },
  },
  benchmark: (ctx) => [{ label: 'USAM', config: { rho: ctx.rho } }],
  minimalConfig: {},
  optimizer: UsamOptimizer,
};
