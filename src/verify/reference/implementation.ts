import type { AlgorithmConfig, Capabilities, ImplementationUnderTest, Layout } from '../types.js';
import type { CommonHp, ReferenceStep } from './step.js';

export const FULL_OPTIONS: Capabilities['options'] = { momentum: true, dampening: true, nesterov: true, weightDecay: true, weightDecayIn: ['base', 'loss', 'decoupled'] };

/** An in-process float64 implementation built from a reference step (sub)class. */
export function referenceImplementation(
  name: string,
  make: (c: CommonHp & Record<string, unknown>, layout: Layout) => ReferenceStep<CommonHp>,
  algorithms: string[],
  bases: string[] = [],
): ImplementationUnderTest {
  const caps: Capabilities = {
    algorithms: Object.fromEntries(algorithms.map((a) => [a, {}])),
    bases: Object.fromEntries(bases.map((b) => [b, {}])),
    options: FULL_OPTIONS,
    policies: { zeroGradient: 'guard' },
    finiteSum: true,
    precision: 'float64',
  };
  return {
    name,
    capabilities: async () => caps,
    async createSession(config: AlgorithmConfig, layout: Layout) {
      const impl = make(config as unknown as CommonHp & Record<string, unknown>, layout);
      return { step: async (params, oracle) => ({ params: impl.step([...params], oracle) }), close: async () => {} };
    },
  };
}
