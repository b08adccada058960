import { tf } from '../tf.js';
import { knownKeys, oneOf } from '../validate.js';
import { baseFromTfOptimizer, isTfOptimizer } from '../bases/from_tf.js';
import { baseDescriptor, resolveBaseSpec } from '../bases/registry.js';
import type { CommonBaseHyperparameters, WeightDecayPlacement } from '../bases/descriptor.js';
import type { BaseOptimizer } from './types.js';

/** How a config names its base optimizer (spec/bases.md §6): a name, `{ name, ...options }`, or a tf.train optimizer. */
export type BaseInput = string | ({ name: string } & Record<string, unknown>) | tf.Optimizer;

/** Hyperparameters of the base optimizer shared by every algorithm (default base: SGD, torch semantics). */
export interface BaseHyperparameters {
  /** Required here or inside `base`. */
  learningRate?: number;
  /**
   * The base optimizer (default 'sgd'): 'sgd' | 'adam' | 'adamw' | 'rmsprop' | 'adagrad', or
   * { name, learningRate?, weightDecay?, ...options } (spec/bases.md), or a tf.train optimizer
   * instance whose math samcheck reproduces (sgd, momentum, adam, rmsprop, adagrad).
   */
  base?: BaseInput;
  /** SGD's heavy-ball coefficient β (default 0); SGD shorthand for base: { name: 'sgd', momentum }. */
  momentum?: number;
  /** SGD shorthand (default 0). */
  dampening?: number;
  /** SGD shorthand (default false). */
  nesterov?: boolean;
  /** Weight decay λ (default 0; adamw: 0.01). */
  weightDecay?: number;
  /**
   * 'base' (default): coupled L2 λ·θ_0 added in the base step only; the perturbation uses the data loss.
   * 'loss': λ/2·‖θ‖² is part of the loss of every pass (google-research/sam).
   * 'decoupled': θ ← θ·(1 − η·λ) before the base step (torch AdamW; adamw's default).
   */
  weightDecayIn?: WeightDecayPlacement;
  /** What a non-finite loss or gradient does: 'throw' (default) or 'skip' the step. Either way θ is unchanged. */
  onNonFinite?: 'throw' | 'skip';
}

export const BASE_KEYS = ['algorithm', 'learningRate', 'base', 'momentum', 'dampening', 'nesterov', 'weightDecay', 'weightDecayIn', 'onNonFinite'] as const;

/**
 * A resolved base, in the shape implementations receive: SGD keeps the flat legacy form
 * (momentum, dampening, nesterov at the top, no `base` key); any other base is
 * `base: { name, ...every option }`. lr, λ and its placement are always at the top.
 */
export interface ResolvedBase {
  learningRate: number;
  weightDecay: number;
  weightDecayIn: WeightDecayPlacement;
  onNonFinite: 'throw' | 'skip';
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  base?: { name: string } & Record<string, unknown>;
}

export function resolveBase(config: BaseHyperparameters): ResolvedBase {
  const input = isTfOptimizer(config.base) ? baseFromTfOptimizer(config.base) : config.base;
  const { common, base } = resolveBaseSpec(input, config as Record<string, unknown>);
  const onNonFinite = oneOf('onNonFinite', config.onNonFinite ?? 'throw', ['throw', 'skip'] as const);
  if (base.name === 'sgd') {
    const { momentum, dampening, nesterov } = base as unknown as { momentum: number; dampening: number; nesterov: boolean };
    return { ...common, onNonFinite, momentum, dampening, nesterov };
  }
  return { ...common, onNonFinite, base };
}

/** The name and own options of a resolved base. */
export function baseOf(resolved: ResolvedBase): { name: string } & Record<string, unknown> {
  return resolved.base ?? { name: 'sgd', momentum: resolved.momentum, dampening: resolved.dampening, nesterov: resolved.nesterov };
}

export function commonOf(resolved: ResolvedBase): CommonBaseHyperparameters {
  return { learningRate: resolved.learningRate, weightDecay: resolved.weightDecay, weightDecayIn: resolved.weightDecayIn };
}

/** The tfjs base step of a resolved config (in 'loss' mode the objective carries the L2 term, not the base). */
export function baseKernel(resolved: ResolvedBase): BaseOptimizer {
  const { name, ...own } = baseOf(resolved);
  return baseDescriptor(name).kernel(own, commonOf(resolved)) as BaseOptimizer;
}

export function checkKeys(config: object, extra: readonly string[]): void {
  knownKeys('config', config, [...BASE_KEYS, ...extra]);
}
