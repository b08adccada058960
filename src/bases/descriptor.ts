/**
 * A base optimizer as its own composable part (spec/bases.md): the step that applies a gradient
 * at θ_0 after an algorithm has estimated it. Every base has the same facets — defaults and
 * validation of its own options, a tfjs kernel, a float64 oracle, an independent float64
 * reference with the mutants that override one of its stages, and the arbitrary `verify` draws.
 */
import type fc from 'fast-check';
import type { BaseOptimizer } from '../kernels/types.js';

export type WeightDecayPlacement = 'base' | 'loss' | 'decoupled';
export const WEIGHT_DECAY_PLACEMENTS: readonly WeightDecayPlacement[] = ['base', 'loss', 'decoupled'];

/**
 * Shared by every base: lr, and weight decay λ with its placement. 'base' = coupled L2 added to
 * the applied gradient at θ_0 inside the base step; 'decoupled' = θ ← θ·(1 − lr·λ) (torch
 * AdamW/SGDW); 'loss' = λ/2‖θ‖² inside every pass's loss, handled OUTSIDE the base (the base then
 * sees weightDecay 0).
 */
export interface CommonBaseHyperparameters {
  learningRate: number;
  weightDecay: number;
  weightDecayIn: WeightDecayPlacement;
}

/** A float64 optax-style pair on flat vectors. */
export interface OracleBase<S> {
  init(n: number): S;
  update(theta0: number[], grad: number[], state: S): { params: number[]; state: S };
}

/** A stateful float64 base, one instance per session, written the way ports are written. */
export interface ReferenceBase {
  step(theta0: number[], grad: number[]): number[];
  /**
   * The algorithm reference calls this with the clean gradient g_0 of every step, before `step`.
   * A correct base ignores it; a mutant whose state also sees g_0 uses it.
   */
  observe?(grad: number[]): void;
}

export interface BaseMutant<O extends object = Record<string, unknown>> {
  id: string;
  /** The base whose reference this mutant replaces. */
  base: string;
  description: string;
  /** Where the bug is seen (spec/bases.md §9). */
  source: string;
  make(own: Required<O>, common: CommonBaseHyperparameters): ReferenceBase;
}

/** Names the parameter an own option is reported under (default `base.<key>`). */
export type OptionName = (key: string) => string;
export const baseOptionName: OptionName = (key) => `base.${key}`;

export interface BaseDescriptor<O extends object = Record<string, unknown>, S = unknown, OS = unknown> {
  readonly name: string;
  readonly title: string;
  /** The section of spec/bases.md that specifies it, e.g. 'spec/bases.md#adam'. */
  readonly spec: string;
  /** Every own option with its default; the own keys are exactly these. */
  readonly defaults: Readonly<Required<O>>;
  readonly weightDecayDefaults: { weightDecay: number; weightDecayIn: WeightDecayPlacement };
  /** The placements this base accepts. */
  readonly placements: readonly WeightDecayPlacement[];
  /** Throws InvalidArgumentError naming the option (`base.beta1` unless `name` says otherwise). */
  validate(own: Required<O>, name?: OptionName): void;
  /** The tfjs transformation; keeps its own step count in its state. */
  kernel(own: Required<O>, common: CommonBaseHyperparameters): BaseOptimizer<S>;
  /** Float64, mirrors spec/bases.md line by line; imports nothing from the kernel side. */
  oracle(own: Required<O>, common: CommonBaseHyperparameters): OracleBase<OS>;
  /** An independent float64 class with one method per stage, so a mutant can override one. */
  reference(own: Required<O>, common: CommonBaseHyperparameters): ReferenceBase;
  readonly mutants: readonly BaseMutant<O>[];
  /** The own options `verify` draws: well-conditioned ranges, torch forms (spec/bases.md). */
  arbitrary(): fc.Arbitrary<Required<O>>;
}

/** The λ a base applies itself: 'loss' leaves the L2 term to the objective, so the base sees 0. */
export function ownDecay(common: CommonBaseHyperparameters, placement: 'base' | 'decoupled'): number {
  return common.weightDecayIn === placement ? common.weightDecay : 0;
}
