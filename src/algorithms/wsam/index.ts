import type { AlgorithmDescriptor } from '../descriptor.js';
import { wsamArbitrary } from './arbitraries.js';
import { wsamKernel, type WsamOwn } from './kernel.js';
import { wsamMutants } from './mutants.js';
import { WsamOptimizer } from './optimizer.js';
import { wsamOracle } from './oracle.js';
import { WsamReference } from './reference.js';

export const wsam: AlgorithmDescriptor<WsamOwn> = {
  name: 'wsam',
  title: 'WSAM (Yue et al. 2023; dlrover atorch wsam.py)',
  spec: 'spec/variants.md §2',
  kernel: wsamKernel,
  oracle: wsamOracle,
  reference: WsamReference,
  mutants: wsamMutants,
  arbitraries: wsamArbitrary,
  tags: {
    // No `scaling` tag: clip_grad_norm_'s fixed 1e-6 guard is not scale-equivariant (spec/variants.md §2.3).
    ascent: {
      scale: (c, theta0) => theta0.map((x) => (c.adaptive ? Math.abs(x) : 1)),
      radius: (c, tg) => ((c.rho as number) * tg) / (tg + (c.epsilon as number)),
    },
  },
  benchmark: (ctx) => [{ label: 'WSAM', config: { rho: ctx.rho } }],
  minimalConfig: {},
  optimizer: WsamOptimizer,
};
