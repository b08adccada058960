import { length } from '../../oracle/vector.js';
import type { AlgorithmDescriptor } from '../descriptor.js';
import { vassoArbitrary } from './arbitraries.js';
import { vassoKernel, type VassoOwn } from './kernel.js';
import { vassoMutants } from './mutants.js';
import { VassoOptimizer } from './optimizer.js';
import { vassoOracle } from './oracle.js';
import { VassoReference } from './reference.js';

export const vasso: AlgorithmDescriptor<VassoOwn> = {
  name: 'vasso',
  title: 'VaSSO (variance-suppressed SAM; Li & Giannakis 2023, the official code)',
  spec: 'spec/variants-b.md §2',
  kernel: vassoKernel,
  oracle: vassoOracle,
  reference: VassoReference,
  mutants: vassoMutants,
  arbitraries: vassoArbitrary,
  tags: {
    // d_1 = g_0: the first step is SAM's, so its radius is SAM's (with VaSSO's ε).
    ascent: { scale: (_c, theta0) => theta0.map(() => 1), radius: (c, tg) => ((c.rho as number) * tg) / (tg + (c.epsilon as number)) },
    trajectory: { steps: 3 },
    scaling: { hyperparameters: () => ({}), normalisedNorms: (i) => [length(i.gradient(i.theta0))] },
  },
  benchmark: (ctx) => [{ label: 'VaSSO', config: { rho: ctx.rho } }],
  minimalConfig: {},
  optimizer: VassoOptimizer,
};
