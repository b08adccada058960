import { length } from '../../oracle/vector.js';
import { zeroRadiusPin, type AlgorithmDescriptor } from '../descriptor.js';
import { xsamArbitrary } from './arbitraries.js';
import { xsamKernel, type XsamOwn } from './kernel.js';
import { xsamMutants } from './mutants.js';
import { XsamOptimizer } from './optimizer.js';
import { xsamOracle } from './oracle.js';
import { XsamReference } from './reference.js';

export const xsam: AlgorithmDescriptor<XsamOwn> = {
  name: 'xsam',
  title: 'XSAM (Chen & Zhou; the official code)',
  spec: 'spec/family.md §1.2',
  kernel: xsamKernel,
  oracle: xsamOracle,
  reference: XsamReference,
  mutants: xsamMutants,
  arbitraries: xsamArbitrary,
  degeneratePin: zeroRadiusPin,
  tags: {
    multiStep: true,
    // XSAM's update ‖g_k‖·v(α) is linear in the loss scale; v_0, v_1 and ψ are invariant. The
    // k ascent directions and v_1 = ĝ_k are normalised; ‖g_k‖ carries ε into the update once more.
    scaling: {
      hyperparameters: () => ({}),
      normalisedNorms: (i) => [i.theta0, ...i.ascentPoints].slice(0, (i.config.steps as number) + 1).map((x) => length(i.gradient(x))),
      extraSlack: (epsilon, scale) => 2 * epsilon * Math.max(1, scale),
    },
  },
  benchmark: (ctx) => [{ label: 'XSAM', config: { rho: ctx.rho, rhoMax: 2 * ctx.rho, dynamic: true, probeInterval: ctx.batchesPerEpoch }, steps: 1 }],
  minimalConfig: {},
  optimizer: XsamOptimizer,
};
