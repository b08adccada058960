/** spec/algorithms.md §1: plain SGD, one gradient evaluation. */
import { oracleSgdStep } from '../../oracle/steps.js';
import type { OracleFacet } from '../descriptor.js';
import type { SgdOwn } from './kernel.js';

export const sgdOracle: OracleFacet<SgdOwn> = {
  resolve: () => ({}),
  step: (_c, base, f, theta0, state) => oracleSgdStep(base, f, theta0, state),
};
