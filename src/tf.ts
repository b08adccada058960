/**
 * The one place samcheck imports TensorFlow.js from.
 * tfjs-core alone registers no gradients under Node ESM; tfjs-layers registers them all
 * (and gives `model.fit`), so it is imported here for its side effect.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core's bare module has no chained methods (t.reshape); the tfjs umbrella package registers them like this.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops.js';
import '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

export { tf };
export type Tensor = tf.Tensor;
export type Scalar = tf.Scalar;
export type Variable = tf.Variable;
