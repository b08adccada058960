import { tf } from '../tf.js';
import { InvalidArgumentError } from '../errors.js';
import type { AlgorithmState } from '../kernels/step.js';

/**
 * An optimizer state as tf.Optimizer weights (what model.save({ includeOptimizer }) writes):
 * `iter` first (tfjs' convention, read by extractIterations), then one string tensor holding the
 * state's skeleton as JSON — numbers stay float64-exact, tensors are {"$t": i}, non-finite numbers
 * {"$n": "Infinity"} — then the state's tensors in order. Any state shape an estimator or base
 * keeps (momentum buffers, Adam moments, XSAM's α, nulls before the first step) round-trips
 * without a per-algorithm codec.
 */
/** tf.Optimizer's weight entry (tfjs-core does not export the type). */
export interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

export const STATE_WEIGHT = 'samcheck/state';
const FORMAT = 1;

export interface SavedState {
  algorithm: string;
  shapes: number[][];
  state: AlgorithmState | null;
}

export function stateWeights(algorithm: string, iterations: number, shapes: number[][], state: AlgorithmState | null): NamedTensor[] {
  const tensors: tf.Tensor[] = [];
  const skeleton = JSON.stringify({ format: FORMAT, algorithm, shapes, state }, (_key, value: unknown) => {
    if (value instanceof tf.Tensor) return { $t: tensors.push(value) - 1 };
    if (typeof value === 'number' && !Number.isFinite(value)) return { $n: String(value) };
    return value;
  });
  return [
    { name: 'iter', tensor: tf.scalar(iterations, 'int32') },
    { name: STATE_WEIGHT, tensor: tf.scalar(skeleton, 'string') },
    ...tensors.map((tensor, i) => ({ name: `${STATE_WEIGHT}/${i}`, tensor })),
  ];
}

/** The inverse of stateWeights; the returned state's tensors are fresh copies (tf.keep'd) the caller owns. */
export async function stateFromWeights(weights: NamedTensor[]): Promise<SavedState & { iterations: number }> {
  const byName = new Map(weights.map((w) => [w.name, w.tensor]));
  const skeletonTensor = byName.get(STATE_WEIGHT);
  const iter = byName.get('iter');
  if (skeletonTensor === undefined || iter === undefined) {
    throw new InvalidArgumentError('weights', weights.map((w) => w.name), `the weights getWeights() of a samcheck optimizer returns ('iter', '${STATE_WEIGHT}', ...)`, 'INVALID_ARGUMENT');
  }
  const [json] = (await skeletonTensor.data()) as unknown as string[];
  const parsed = JSON.parse(typeof json === 'string' ? json : new TextDecoder().decode(json as unknown as Uint8Array), (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && '$n' in value) return Number((value as { $n: string }).$n);
    if (value !== null && typeof value === 'object' && '$t' in value) {
      const t = byName.get(`${STATE_WEIGHT}/${(value as { $t: number }).$t}`);
      if (t === undefined) throw new InvalidArgumentError('weights', `${STATE_WEIGHT}/${(value as { $t: number }).$t}`, 'every state tensor the skeleton names', 'INVALID_ARGUMENT');
      return tf.keep(tf.clone(t));
    }
    return value;
  }) as SavedState & { format: number };
  if (parsed.format !== FORMAT) throw new InvalidArgumentError(`${STATE_WEIGHT}.format`, parsed.format, String(FORMAT), 'INVALID_ARGUMENT');
  return { algorithm: parsed.algorithm, shapes: parsed.shapes, state: parsed.state, iterations: (await iter.data())[0] };
}
