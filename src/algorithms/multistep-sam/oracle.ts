/** spec/algorithms.md §5, line by line in float64. Defaults ρ = 0.05, k = 2, fixed path, c = 1, apply g_k, ε = 1e-12. */
import { oracleAscent } from '../../oracle/ascent.js';
import { fill } from '../../oracle/defaults.js';
import { effectiveObjective, sgdUpdate } from '../../oracle/steps.js';
import { mean } from '../../oracle/vector.js';
import type { OracleFacet } from '../descriptor.js';
import type { MultiStepSamOwn } from './kernel.js';

export const multiStepSamOracle: OracleFacet<MultiStepSamOwn> = {
  resolve: (given) => fill<MultiStepSamOwn>({ rho: 0.05, steps: 2, ascent: 'fixed-path', stepSizeMultiplier: 1, applied: 'last', epsilon: 1e-12 }, given),
  step(c, base, f, theta0, state) {
    const path = oracleAscent(effectiveObjective(base, f), theta0, c.rho, c.steps, c.epsilon, c.ascent, c.stepSizeMultiplier);
    const applied = c.applied === 'last' ? path.gradients[c.steps - 1] : mean(path.gradients);
    const next = sgdUpdate(base, theta0, applied, state);
    return { ...next, cleanGradient: path.g0, perturbation: path.delta, ascentPoints: path.points, appliedGradient: applied, gradientEvaluations: c.steps + 1 };
  },
};
