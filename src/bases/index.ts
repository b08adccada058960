/** Base optimizers as composable parts (spec/bases.md). */
export type { BaseDescriptor, BaseMutant, CommonBaseHyperparameters, OracleBase, ReferenceBase, WeightDecayPlacement, OptionName } from './descriptor.js';
export { WEIGHT_DECAY_PLACEMENTS, baseOptionName, ownDecay } from './descriptor.js';
export { registerBase, baseNames, baseDescriptor, resolveBaseSpec, baseParts, ConflictingOptionError, FLAT_BASE_KEYS, type ResolvedBase } from './registry.js';
export { baseFromTfOptimizer, type BaseSpec } from './from_tf.js';
export { withWeightDecay, coupledDecay, decoupledDecay } from './weight_decay.js';
export { oracleWithWeightDecay } from './oracle_weight_decay.js';
export { BaseReferenceStep } from './reference_step.js';
export { sgdBase, type SgdOptions, type SgdState, type SgdOracleState } from './sgd/index.js';
export { adamBase, adamFamily, type AdamOptions, type AdamState, type AdamOracleState, type BiasCorrection } from './adam/index.js';
export { adamwBase } from './adamw/index.js';
export { rmspropBase, type RmspropOptions, type RmspropState, type RmspropOracleState, type EpsilonPlacement } from './rmsprop/index.js';
export { adagradBase, type AdagradOptions, type AdagradState, type AdagradOracleState } from './adagrad/index.js';

import { adagradBase } from './adagrad/index.js';
import { adamBase } from './adam/index.js';
import { adamwBase } from './adamw/index.js';
import type { BaseMutant } from './descriptor.js';
import { rmspropBase } from './rmsprop/index.js';
import { sgdBase } from './sgd/index.js';

/** Every built-in base's mutants. */
export const BASE_MUTANTS: readonly BaseMutant[] = [sgdBase, adamBase, adamwBase, rmspropBase, adagradBase].flatMap((d) => d.mutants as unknown as BaseMutant[]);
