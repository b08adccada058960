import { length } from '../../oracle/vector.js';
import type { AlgorithmDescriptor } from '../descriptor.js';
import { lookSamArbitrary } from './arbitraries.js';
import { lookSamKernel, type LookSamOwn } from './kernel.js';
import { lookSamMutants } from './mutants.js';
import { LookSamOptimizer } from './optimizer.js';
import { lookSamOracle } from './oracle.js';
import { LookSamReference } from './reference.js';

export const lookSam: AlgorithmDescriptor<LookSamOwn> = {
  name: 'looksam',
  title: 'LookSAM (Liu et al. 2022; the paper, no official code)',
  spec: 'spec/variants.md §3',
  kernel: lookSamKernel,
  oracle: lookSamOracle,
  reference: LookSamReference,
  mutants: lookSamMutants,
  arbitraries: lookSamArbitrary,
  tags: {
    // Step 1 is always a SAM step: δ = ρĝ.
    ascent: { scale: (_c, theta0) => theta0.map(() => 1), radius: (c, tg) => ((c.rho as number) * tg) / (tg + (c.epsilon as number)) },
    // g_s on a SAM step is linear in the loss scale; ĝ and ρĝ are invariant.
    scaling: { hyperparameters: () => ({}), normalisedNorms: (i) => [length(i.gradient(i.theta0))] },
  },
  benchmark: (ctx) => [{ label: 'LookSAM (k = 5)', config: { rho: ctx.rho, k: 5, alpha: 0.7 } }],
  minimalConfig: { k: 5, alpha: 0.7 },
  optimizer: LookSamOptimizer,
};
