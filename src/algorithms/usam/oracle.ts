/** spec/algorithms.md §3: δ = ρ·g, default ρ = 0.05. */
import { fill } from '../../oracle/defaults.js';
import { oracleAscentStep, usamPerturbation } from '../../oracle/steps.js';
import type { OracleFacet } from '../descriptor.js';
import type { UsamOwn } from './kernel.js';

export const usamOracle: OracleFacet<UsamOwn> = {
  resolve: (given) => fill({ rho: 0.05 }, given),
  step: (c, base, f, theta0, state) => oracleAscentStep(base, usamPerturbation(), c.rho, f, theta0, state),
};
