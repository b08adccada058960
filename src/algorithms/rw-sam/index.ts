import { length } from '../../oracle/vector.js';
import { zeroRadiusPin, type AlgorithmDescriptor } from '../descriptor.js';
import { rwSamArbitrary } from './arbitraries.js';
import { rwSamKernel, type RwSamOwn } from './kernel.js';
import { rwSamMutants } from './mutants.js';
import { RwSamOptimizer } from './optimizer.js';
import { rwSamOracle } from './oracle.js';
import { RwSamReference } from './reference.js';

const infinite = (t: unknown) => t === 'infinity' || t === Infinity;

export const rwSam: AlgorithmDescriptor<RwSamOwn> = {
  name: 'rw-sam',
  title: 'RW-SAM (reweighted SAM; samcheck definition)',
  spec: 'spec/family.md §1.5',
  kernel: rwSamKernel,
  oracle: rwSamOracle,
  reference: RwSamReference,
  mutants: rwSamMutants,
  arbitraries: rwSamArbitrary,
  degeneratePin: (pins) => (zeroRadiusPin(pins) ?? (pins.temperature === 'infinity' ? 'temperature = infinity: uniform weights, the step is SAM\'s bit for bit' : null)),
  tags: {
    finiteSum: true,
    scaling: {
      // Scores scale with c, so the Gibbs weights of c·L at τ are those of L at τ/c.
      hyperparameters: (c, s) => ({ temperature: infinite(c.temperature) ? c.temperature : (c.temperature as number) / s }),
      normalisedNorms: (i) => {
        const weights = i.extras.weights as number[] | undefined;
        const g = length(i.gradient(i.theta0));
        return infinite(i.config.temperature) || weights === undefined ? [g] : [g, length(i.gradient(i.theta0, i.data!.batch, weights))];
      },
    },
  },
  benchmark: (ctx) => [{ label: 'RW-SAM (samcheck def., τ=1)', config: { rho: ctx.rho, temperature: 1 } }],
  minimalConfig: { temperature: 'infinity' },
  optimizer: RwSamOptimizer,
};
