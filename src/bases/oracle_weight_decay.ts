/** spec/bases.md §0 in float64: the weight-decay placement around any oracle base. */
import { ownDecay, type CommonBaseHyperparameters, type OracleBase } from './descriptor.js';
import { plus as add, times as scale } from '../oracle/vector.js';

export function oracleWithWeightDecay<S>(common: CommonBaseHyperparameters, core: OracleBase<S>): OracleBase<S> {
  const coupled = ownDecay(common, 'base');
  const decoupled = ownDecay(common, 'decoupled');
  return {
    init: (n) => core.init(n),
    update(theta0, grad, state) {
      // 1. coupled L2 ('base'): d = g + λ·θ_0
      const d = coupled !== 0 ? add(grad, scale(coupled, theta0)) : grad;
      // 2. decoupled ('decoupled'): θ ← θ_0·(1 − η·λ); the base then steps from θ
      const theta = decoupled !== 0 ? scale(1 - common.learningRate * decoupled, theta0) : theta0;
      return core.update(theta, d, state);
    },
  };
}
