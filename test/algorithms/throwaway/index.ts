/**
 * A throwaway algorithm written the way a newcomer would add one: "half-USAM", δ = (ρ/2)·g, built
 * from shared parts, in one folder, registered with one line by the test that uses it.
 */
import fc from 'fast-check';
import type { AlgorithmDescriptor } from '../../../src/algorithms/descriptor.js';
import { SharpnessAwareOptimizer } from '../../../src/optimizers/sharpness_aware_optimizer.js';
import { ascentGradient } from '../../../src/kernels/estimators.js';
import { usamPerturbation } from '../../../src/kernels/perturbation.js';
import { oracleAscentStep, usamPerturbation as oracleUsam } from '../../../src/oracle/steps.js';
import { mutant, mutantsOf } from '../../../src/verify/reference/mutant.js';
import { ReferenceStep, times, type CommonHp, type V } from '../../../src/verify/reference/step.js';
import { nonNegative } from '../../../src/validate.js';

interface HalfUsamOwn {
  rho: number;
}

class HalfUsamReference extends ReferenceStep<CommonHp & HalfUsamOwn> {
  override perturbation(g: V): V {
    return times(this.c.rho / 2, g);
  }
}

class HalfUsamOptimizer extends SharpnessAwareOptimizer {
  constructor(config: { learningRate: number; rho?: number }) {
    super({ ...config, algorithm: 'half-usam' } as never);
  }
}

export const halfUsam: AlgorithmDescriptor<HalfUsamOwn> = {
  name: 'half-usam',
  title: 'half-USAM (a throwaway test algorithm)',
  spec: 'test/algorithms/throwaway/index.ts',
  kernel: {
    defaults: { rho: 0.1 },
    resolve: (given) => ({ rho: nonNegative('rho', given.rho ?? 0.1) }),
    estimator: (c) => ascentGradient(usamPerturbation(), c.rho / 2),
    gradientEvaluations: () => 2,
  },
  oracle: {
    resolve: (given) => ({ rho: given.rho ?? 0.1 }),
    step: (c, base, f, theta0, state) => oracleAscentStep(base, oracleUsam(), c.rho / 2, f, theta0, state),
  },
  reference: HalfUsamReference,
  mutants: mutantsOf('half-usam', [
    mutant('half-usam-full-radius', 'δ = ρ·g (the halving forgotten)', 'a throwaway bug', class extends HalfUsamReference {
      override perturbation(g: V) { return times(this.c.rho, g); }
    }),
  ]),
  arbitraries: () => fc.record({ rho: fc.double({ min: 0.01, max: 0.5, noNaN: true }).map(Math.fround) }),
  tags: { scaling: { hyperparameters: (c, s) => ({ rho: (c.rho as number) * s }), normalisedNorms: () => [] } },
  benchmark: (ctx) => [{ label: 'half-USAM', config: { rho: ctx.rho } }],
  minimalConfig: {},
  optimizer: HalfUsamOptimizer,
};
