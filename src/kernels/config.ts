import { InvalidArgumentError } from '../errors.js';
import { boolean, inRange, knownKeys, nonNegative, oneOf, positive } from '../validate.js';
import type { SgdConfig } from './base.js';

/** Hyperparameters of the base optimizer (SGD, torch semantics) shared by every algorithm. */
export interface BaseHyperparameters {
  learningRate: number;
  /** Heavy-ball coefficient β (default 0). */
  momentum?: number;
  /** Default 0. */
  dampening?: number;
  /** Default false. */
  nesterov?: boolean;
  /** Coupled L2 coefficient (default 0). */
  weightDecay?: number;
  /**
   * 'base' (default): wd acts in the base step at θ_0 only; the perturbation uses the data loss.
   * 'loss': wd/2·‖θ‖² is part of the loss of every pass (google-research/sam).
   */
  weightDecayIn?: 'base' | 'loss';
  /** What a non-finite loss or gradient does: 'throw' (default) or 'skip' the step. Either way θ is unchanged. */
  onNonFinite?: 'throw' | 'skip';
}

export const BASE_KEYS = ['algorithm', 'learningRate', 'momentum', 'dampening', 'nesterov', 'weightDecay', 'weightDecayIn', 'onNonFinite'] as const;

export type ResolvedBase = Required<BaseHyperparameters>;

export function resolveBase(config: BaseHyperparameters): ResolvedBase {
  const resolved: ResolvedBase = {
    learningRate: config.learningRate,
    momentum: config.momentum ?? 0,
    dampening: config.dampening ?? 0,
    nesterov: config.nesterov ?? false,
    weightDecay: config.weightDecay ?? 0,
    weightDecayIn: config.weightDecayIn ?? 'base',
    onNonFinite: config.onNonFinite ?? 'throw',
  };
  // lr = 0 is allowed: it is how the "weights are restored exactly" property is checked.
  nonNegative('learningRate', resolved.learningRate);
  inRange('momentum', resolved.momentum, 0, 1, true);
  inRange('dampening', resolved.dampening, 0, 1);
  boolean('nesterov', resolved.nesterov);
  nonNegative('weightDecay', resolved.weightDecay);
  oneOf('weightDecayIn', resolved.weightDecayIn, ['base', 'loss'] as const);
  oneOf('onNonFinite', resolved.onNonFinite, ['throw', 'skip'] as const);
  if (resolved.nesterov && (resolved.momentum <= 0 || resolved.dampening !== 0)) {
    throw new InvalidArgumentError('nesterov', true, 'momentum > 0 and dampening = 0 (as torch.optim.SGD requires)');
  }
  return resolved;
}

export function sgdConfigOf(base: ResolvedBase): SgdConfig {
  return {
    learningRate: base.learningRate,
    momentum: base.momentum,
    dampening: base.dampening,
    nesterov: base.nesterov,
    // In 'loss' mode the objective carries the L2 term; the base must not add it again.
    weightDecay: base.weightDecayIn === 'loss' ? 0 : base.weightDecay,
  };
}

export function checkKeys(config: object, extra: readonly string[]): void {
  knownKeys('config', config, [...BASE_KEYS, ...extra]);
}

export { positive };
