/** spec/algorithms.md §2: δ = ρ·g/(‖g‖ + ε), defaults ρ = 0.05, ε = 1e-12. */
import { fill } from '../../oracle/defaults.js';
import { oracleAscentStep, samPerturbation } from '../../oracle/steps.js';
import type { OracleFacet } from '../descriptor.js';
import type { SamOwn } from './kernel.js';

export const samOracle: OracleFacet<SamOwn> = {
  resolve: (given) => fill({ rho: 0.05, epsilon: 1e-12 }, given),
  step: (c, base, f, theta0, state) => oracleAscentStep(base, samPerturbation(c.epsilon), c.rho, f, theta0, state),
};
