import type { AlgorithmDescriptor } from '../descriptor.js';
import { sampaArbitrary } from './arbitraries.js';
import { sampaKernel, type SampaOwn } from './kernel.js';
import { sampaMutants } from './mutants.js';
import { SampaOptimizer } from './optimizer.js';
import { sampaOracle } from './oracle.js';
import { SampaReference } from './reference.js';

export const sampa: AlgorithmDescriptor<SampaOwn> = {
  name: 'sampa',
  title: 'SAMPa (SAM parallelized; Xie et al. 2024, the official code)',
  spec: 'spec/variants-b.md §3',
  kernel: sampaKernel,
  oracle: sampaOracle,
  reference: SampaReference,
  mutants: sampaMutants,
  arbitraries: sampaArbitrary,
  tags: {
    // ∇f(y_0) = 0: the first step is SGD's; the rule shows from step 2 on.
    trajectory: { steps: 3 },
    // The lookahead is a step like the base's: its rate scales with η and its decay with wd.
    scaling: {
      hyperparameters: (c, s) => ({ lookaheadRate: (c.lookaheadRate as number) * s, lookaheadWeightDecay: (c.lookaheadWeightDecay as number) / s }),
      normalisedNorms: () => [],
    },
  },
  benchmark: (ctx) => [{ label: 'SAMPa', config: { rho: ctx.rho, lookaheadRate: 0.1 } }],
  minimalConfig: { lookaheadRate: 0.1 },
  optimizer: SampaOptimizer,
};
