import { length } from '../../oracle/vector.js';
import { zeroRadiusPin, type AlgorithmDescriptor } from '../descriptor.js';
import { multiStepSamArbitrary } from './arbitraries.js';
import { multiStepSamKernel, type MultiStepSamOwn } from './kernel.js';
import { multistepSamMutants } from './mutants.js';
import { MultiStepSamOptimizer } from './optimizer.js';
import { multiStepSamOracle } from './oracle.js';
import { MultiStepSamReference } from './reference.js';

export const multiStepSam: AlgorithmDescriptor<MultiStepSamOwn> = {
  name: 'multistep-sam',
  title: 'multi-step SAM (k ascent steps; fixed path or projected)',
  spec: 'spec/family.md §1.1',
  kernel: multiStepSamKernel,
  oracle: multiStepSamOracle,
  reference: MultiStepSamReference,
  mutants: multistepSamMutants,
  arbitraries: multiStepSamArbitrary,
  degeneratePin: (pins) => (zeroRadiusPin(pins) ?? (pins.steps === 1 ? 'steps = 1: one ascent step is SAM, not multi-step SAM' : null)),
  tags: {
    multiStep: true,
    // Each ascent step normalises the gradient at θ_0..θ_{k−1}.
    scaling: { hyperparameters: () => ({}), normalisedNorms: (i) => [i.theta0, ...i.ascentPoints].slice(0, i.config.steps as number).map((x) => length(i.gradient(x))) },
  },
  benchmark: (ctx) => [2, 5].map((k) => ({ label: `${k}-step SAM`, config: { rho: ctx.rho, steps: k }, steps: k })),
  minimalConfig: {},
  optimizer: MultiStepSamOptimizer,
};
