import { length } from '../../oracle/vector.js';
import type { AlgorithmDescriptor } from '../descriptor.js';
import { gsamArbitrary } from './arbitraries.js';
import { gsamKernel, type GsamOwn } from './kernel.js';
import { gsamMutants } from './mutants.js';
import { GsamOptimizer } from './optimizer.js';
import { gsamOracle } from './oracle.js';
import { GsamReference } from './reference.js';

export const gsam: AlgorithmDescriptor<GsamOwn> = {
  name: 'gsam',
  title: 'GSAM (Zhuang et al. 2022; big_vision gsam.py)',
  spec: 'spec/variants.md §1',
  kernel: gsamKernel,
  oracle: gsamOracle,
  reference: GsamReference,
  mutants: gsamMutants,
  arbitraries: gsamArbitrary,
  tags: {
    // No `ascent` tag: big_vision's adaptive radius ‖ε/|w|‖ = ρ_t‖g‖/(‖g‖+ε) counts g where w = 0, which the
    // generic radius property (a function of ‖Tg‖ and ‖g‖ over coordinates with T ≠ 0) cannot state.
    // d is linear in the loss scale: g and g_p scale, ε, ĝ and ĝ_p do not.
    scaling: {
      hyperparameters: () => ({}),
      normalisedNorms: (i) => [length(i.gradient(i.theta0)), length(i.gradient(i.theta0).map((x, j) => Math.abs(i.theta0[j]) * x)), length(i.gradient(i.ascentPoints[0]))],
    },
  },
  benchmark: (ctx) => [{ label: 'GSAM', config: { rho: ctx.rho, alpha: 0.1 } }],
  minimalConfig: { alpha: 0.1 },
  optimizer: GsamOptimizer,
};
