/**
 * spec/algorithms.md §4: t_j = |θ_j| + η_T on adaptive tensors, else 1; δ = ρ·t²⊙g/(‖t⊙g‖ + ε).
 * Defaults ρ = 0.5, η_T = 0.01, ε = 1e-12, every tensor adaptive. The adaptive-tensor rule is
 * written here from the spec, independently of the kernel's mask.
 */
import { fill } from '../../oracle/defaults.js';
import { perCoordinate, type Layout } from '../../oracle/layout.js';
import { asamPerturbation, oracleAscentStep } from '../../oracle/steps.js';
import type { OracleFacet } from '../descriptor.js';
import type { AdaptiveSelection, AsamOwn } from './kernel.js';

/** §4: under 'exclude-biases', a tensor named …/bias or …/beta (optionally _N) is a shift parameter, t = 1. */
const SHIFT_NAME = /(^|[/_.])(bias|beta)(_\d+)?$/i;

/** Per-coordinate adaptivity from the selection and the tensor names. */
export function oracleAdaptiveCoordinates(adaptive: AdaptiveSelection, layout: Layout): boolean[] {
  const perTensor = Array.isArray(adaptive) ? adaptive : layout.names.map((name) => adaptive === 'all' || !SHIFT_NAME.test(name));
  return perCoordinate(perTensor, layout);
}

export const asamOracle: OracleFacet<AsamOwn> = {
  resolve: (given) => fill<AsamOwn>({ rho: 0.5, etaT: 0.01, epsilon: 1e-12, adaptive: 'all' }, given),
  step: (c, base, f, theta0, state, layout) =>
    oracleAscentStep(base, asamPerturbation(c.etaT, c.epsilon, oracleAdaptiveCoordinates(c.adaptive, layout)), c.rho, f, theta0, state),
};
