import { length } from '../../oracle/vector.js';
import { zeroRadiusPin, type AlgorithmDescriptor } from '../descriptor.js';
import { asamArbitrary } from './arbitraries.js';
import { asamKernel, type AdaptiveSelection, type AsamOwn } from './kernel.js';
import { asamMutants } from './mutants.js';
import { AsamOptimizer } from './optimizer.js';
import { asamOracle, oracleAdaptiveCoordinates } from './oracle.js';
import { AsamReference } from './reference.js';
import type { Layout } from '../../oracle/layout.js';

/** t_j = |θ_j| + η_T on adaptive coordinates, else 1 (the oracle's rule). */
function asamScale(c: Record<string, unknown>, theta0: number[], layout: Layout): number[] {
  const flags = oracleAdaptiveCoordinates(c.adaptive as AdaptiveSelection, layout);
  return theta0.map((x, j) => (flags[j] ? Math.abs(x) + (c.etaT as number) : 1));
}

export const asam: AlgorithmDescriptor<AsamOwn> = {
  name: 'asam',
  title: 'ASAM (adaptive SAM; Kwon et al. 2021)',
  spec: 'spec/algorithms.md §4',
  kernel: asamKernel,
  oracle: asamOracle,
  reference: AsamReference,
  mutants: asamMutants,
  arbitraries: asamArbitrary,
  degeneratePin: zeroRadiusPin,
  tags: {
    ascent: { scale: asamScale, radius: (c, tg) => ((c.rho as number) * tg) / (tg + (c.epsilon as number)) },
    scaling: {
      hyperparameters: () => ({}),
      normalisedNorms: (i) => {
        const t = asamScale(i.config, i.theta0, i.layout);
        return [length(i.gradient(i.theta0).map((x, j) => x * t[j]))];
      },
    },
  },
  // ASAM keeps its own scale (ρ = 0.5 on the T-scaled ball).
  benchmark: () => [{ label: 'ASAM', config: {} }],
  minimalConfig: {},
  optimizer: AsamOptimizer,
};
