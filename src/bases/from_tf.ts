/**
 * A tf.train optimizer as a samcheck base that reproduces its math exactly (spec/bases.md §7):
 * the tfjs forms (ε inside the root, float32 bias-correction products, lr inside the RMSprop
 * buffer) and tfjs's defaults as the instance holds them (read through getConfig()).
 */
import { tf } from '../tf.js';
import { SamcheckError } from '../errors.js';
import type { WeightDecayPlacement } from './descriptor.js';

/** A base spec with every key given: `resolveBaseSpec(spec, {})` returns it unchanged. */
export type BaseSpec = { name: string; learningRate: number; weightDecay: number; weightDecayIn: WeightDecayPlacement } & Record<string, unknown>;

/** tf.Optimizer's instanceof is duck-typed and throws on null/undefined: check the object first. */
export const isTfOptimizer = (x: unknown): x is tf.Optimizer => x !== null && typeof x === 'object' && x instanceof tf.Optimizer;

const SUPPORTED = ['SGD', 'Momentum', 'Adam', 'RMSProp', 'Adagrad'];

export function baseFromTfOptimizer(optimizer: tf.Optimizer): BaseSpec {
  if (!isTfOptimizer(optimizer)) throw new SamcheckError('INVALID_ARGUMENT', 'optimizer', typeof optimizer, 'a tf.Optimizer (tf.train.sgd, momentum, adam, rmsprop or adagrad)');
  const className = optimizer.getClassName();
  const c = optimizer.getConfig() as Record<string, number & boolean>;
  const common = { learningRate: c.learningRate, weightDecay: 0, weightDecayIn: 'base' as const };
  switch (className) {
    case 'SGD':
      return { name: 'sgd', ...common, momentum: 0, dampening: 0, nesterov: false };
    case 'Momentum':
      // tfjs: acc = m·acc + g (zero start, so acc_1 = g), θ −= lr·(useNesterov ? g + m·acc : acc) —
      // torch SGD with dampening 0. Nesterov with m = 0 is plain SGD (torch refuses the flag then).
      return { name: 'sgd', ...common, momentum: c.momentum, dampening: 0, nesterov: c.useNesterov === true && c.momentum > 0 };
    case 'Adam':
      return { name: 'adam', ...common, beta1: c.beta1, beta2: c.beta2, epsilon: c.epsilon, amsgrad: false, biasCorrection: 'float32' };
    case 'RMSProp':
      return { name: 'rmsprop', ...common, alpha: c.decay, epsilon: c.epsilon, momentum: c.momentum, centered: c.centered === true, epsilonPlacement: 'inside' };
    case 'Adagrad':
      // tfjs adds the backend's epsilon (not configurable, not in getConfig) at every step; it is read here.
      return { name: 'adagrad', ...common, lrDecay: 0, initialAccumulatorValue: c.initialAccumulatorValue, epsilon: tf.backend().epsilon(), epsilonPlacement: 'inside' };
    default:
      throw new SamcheckError('UNKNOWN_BASE', 'optimizer', className, `no samcheck base reproduces tf.train's ${className}; supported: ${SUPPORTED.join(', ')}`);
  }
}
