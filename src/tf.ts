/**
 * The one place samcheck imports TensorFlow.js from.
 * tfjs-core alone registers no gradients under Node ESM; tfjs-layers registers them all
 * (and gives `model.fit`), so it is imported here for its side effect.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

import { registerChainedOps } from './chained_ops.js';

// tfjs-core's Node bundle has no chained methods (t.reshape); see chained_ops.ts.
registerChainedOps();

export { tf };
export type Tensor = tf.Tensor;
export type Scalar = tf.Scalar;
export type Variable = tf.Variable;
