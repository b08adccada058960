/**
 * The chained tensor methods (t.reshape, t.add, …). tfjs-core registers them only from its ESM
 * sources (public/chained_ops, which Node cannot import: extensionless paths) or through the tfjs
 * umbrella package; samcheck depends on tfjs-core alone, so it installs the same methods here, each
 * as tfjs defines it: `op(this, ...args)`, or the few special forms below. Existing methods are kept.
 */
import * as tf from '@tensorflow/tfjs-core';
// Types only (erased at run time): the declarations of the chained methods installed below.
import type {} from '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops.js';

/** Methods that are exactly `tf.<name>(this, ...args)`. */
const SAME_NAME = ['abs','acos','acosh','add','all','any','argMax','argMin','asin','asinh','atan','atan2','atanh','batchNorm','batchToSpaceND','broadcastTo','cast','ceil','clipByValue','conv1d','conv2d','cos','cosh','cumprod','cumsum','depthToSpace','div','divNoNan','dot','elu','equal','erf','euclideanNorm','exp','expandDims','expm1','fft','floor','floorDiv','gather','greater','greaterEqual','ifft','irfft','isFinite','isInf','isNaN','leakyRelu','less','lessEqual','log','log1p','logSigmoid','logSoftmax','logSumExp','logicalAnd','logicalNot','logicalOr','logicalXor','matMul','max','maximum','mean','min','minimum','mirrorPad','mod','mul','neg','norm','notEqual','oneHot','onesLike','pad','pool','pow','prelu','prod','reciprocal','relu','relu6','reshape','reverse','rfft','round','rsqrt','selu','sigmoid','sign','sin','sinh','slice','softmax','softplus','spaceToBatchND','split','sqrt','square','squaredDifference','squeeze','step','stridedSlice','sub','sum','tan','tanh','tile','topk','transpose','unique','unstack','zerosLike'] as const;

type Method = (this: tf.Tensor, ...args: never[]) => unknown;
const ops = tf as unknown as Record<string, (...args: unknown[]) => tf.Tensor>;
const special: Record<string, Method> = {
  as1D() { return tf.reshape(this, [this.size]); },
  flatten() { return tf.reshape(this, [this.size]); },
  as2D(rows: number, columns: number) { return tf.reshape(this, [rows, columns]); },
  as3D(rows: number, columns: number, depth: number) { return tf.reshape(this, [rows, columns, depth]); },
  as4D(rows: number, columns: number, depth: number, depth2: number) { return tf.reshape(this, [rows, columns, depth, depth2]); },
  as5D(rows: number, columns: number, depth: number, depth2: number, depth3: number) { return tf.reshape(this, [rows, columns, depth, depth2, depth3]); },
  asScalar() { return tf.reshape(this, []); },
  asType(dtype: tf.DataType) { return tf.cast(this, dtype); },
  toBool() { return tf.cast(this, 'bool'); },
  toFloat() { return tf.cast(this, 'float32'); },
  toInt() { return tf.cast(this, 'int32'); },
  reshapeAs(x: tf.Tensor) { return tf.reshape(this, x.shape); },
  concat(x: tf.Tensor | tf.Tensor[], axis?: number) { return tf.concat([this, ...(x instanceof tf.Tensor ? [x] : x)], axis); },
  stack(x: tf.Tensor | tf.Tensor[], axis?: number) { return tf.stack([this, ...(x instanceof tf.Tensor ? [x] : x)], axis); },
  where(condition: tf.Tensor, x: tf.Tensor) { return tf.where(condition, this, x); },
};

export function registerChainedOps(): void {
  const proto = tf.Tensor.prototype as unknown as Record<string, unknown>;
  const define = (name: string, method: Method) => {
    if (typeof proto[name] === 'function') return;
    proto[name] = function (this: tf.Tensor, ...args: never[]) {
      this.throwIfDisposed();
      return method.apply(this, args);
    };
  };
  for (const name of SAME_NAME) {
    if (typeof ops[name] === 'function') define(name, function (this: tf.Tensor, ...args: never[]) { return ops[name](this, ...args); });
  }
  for (const [name, method] of Object.entries(special)) define(name, method);
}
