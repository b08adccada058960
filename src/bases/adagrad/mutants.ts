import { baseMutant } from '../compose.js';
import type { AdagradOptions } from './options.js';
import { AdagradReference } from './reference.js';

export const ADAGRAD_MUTANTS = [
  baseMutant<AdagradOptions>('adagrad-epsilon-inside-sqrt', 'adagrad', 'torch form with ε inside the root: √(s + ε) instead of √s + ε', 'tf.train.adagrad / Keras put ε inside, torch outside (torch/optim#99 on the inconsistency)', (own, common) =>
    new (class extends AdagradReference {
      override root(sum: number) { return this.own.epsilonPlacement === 'outside' ? Math.sqrt(sum + this.own.epsilon) : super.root(sum); }
    })(own, common)),
  baseMutant<AdagradOptions>('adagrad-accumulator-starts-at-0.1', 'adagrad', 'the accumulator starts at 0.1 whatever initialAccumulatorValue says', "a port keeping Keras's / tf.train.adagrad's default initial_accumulator_value = 0.1 (torch: 0)", (own, common) =>
    new (class extends AdagradReference {
      override initialSum(n: number) { return new Array<number>(n).fill(0.1); }
    })(own, common)),
] as const;
