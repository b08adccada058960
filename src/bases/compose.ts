/**
 * A base descriptor from its weight-decay-free parts: the placement (weight_decay.ts,
 * oracle_weight_decay.ts) is composed around the kernel and the oracle here, once for every base.
 */
import type { BaseOptimizer } from '../kernels/types.js';
import type { BaseDescriptor, BaseMutant, CommonBaseHyperparameters, OracleBase, ReferenceBase } from './descriptor.js';
import { oracleWithWeightDecay } from './oracle_weight_decay.js';
import { withWeightDecay } from './weight_decay.js';

export interface BaseParts<O extends object, S, OS> extends Omit<BaseDescriptor<O, S, OS>, 'kernel' | 'oracle' | 'reference'> {
  /** The base's own tfjs rule, without weight decay. */
  kernel(own: Required<O>, learningRate: number): BaseOptimizer<S>;
  /** The base's own float64 rule, without weight decay. */
  oracle(own: Required<O>, learningRate: number): OracleBase<OS>;
  /** The reference class (it handles every placement itself, independently of the oracle). */
  Reference: new (own: Required<O>, common: CommonBaseHyperparameters) => ReferenceBase;
}

export function composeBase<O extends object, S, OS>(parts: BaseParts<O, S, OS>): BaseDescriptor<O, S, OS> {
  const { kernel, oracle, Reference, ...rest } = parts;
  return {
    ...rest,
    kernel: (own, common) => withWeightDecay(common, kernel(own, common.learningRate)),
    oracle: (own, common) => oracleWithWeightDecay(common, oracle(own, common.learningRate)),
    reference: (own, common) => new Reference(own, common),
  };
}

export const baseMutant = <O extends object>(id: string, base: string, description: string, source: string, make: BaseMutant<O>['make']): BaseMutant<O> => ({ id, base, description, source, make });
