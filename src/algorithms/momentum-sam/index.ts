import type { AlgorithmDescriptor } from '../descriptor.js';
import { momentumSamArbitrary } from './arbitraries.js';
import { momentumSamKernel, type MomentumSamOwn } from './kernel.js';
import { momentumSamMutants } from './mutants.js';
import { MomentumSamOptimizer } from './optimizer.js';
import { momentumSamOracle } from './oracle.js';
import { MomentumSamReference } from './reference.js';

export const momentumSam: AlgorithmDescriptor<MomentumSamOwn> = {
  name: 'momentum-sam',
  title: 'MSAM (momentum-SAM; Becker et al. 2024, the official code)',
  spec: 'spec/variants-b.md §1',
  kernel: momentumSamKernel,
  oracle: momentumSamOracle,
  reference: MomentumSamReference,
  mutants: momentumSamMutants,
  arbitraries: momentumSamArbitrary,
  tags: {
    // The buffer is empty at the first step (no perturbation), so the rule shows from step 2 on.
    trajectory: { steps: 3 },
    // v is a sum of gradients: scaling L scales v, and v/(‖v‖ + ε) is invariant up to ε. The
    // first step normalises v_0 = 0, which adds no slack.
    scaling: { hyperparameters: () => ({}), normalisedNorms: () => [] },
  },
  benchmark: (ctx) => [{ label: 'MSAM', config: { rho: ctx.rho } }],
  minimalConfig: {},
  optimizer: MomentumSamOptimizer,
};
