/**
 * A plain-tensor MLP (dense → relu → … → dense, softmax cross-entropy) and one SAM step on it,
 * shared by the backend benchmark and the cross-backend SAM-step property.
 * Layout 'tfjs' stores kernels [in, out] (like tfjs-layers Dense: x·W); 'torch' stores them
 * [out, in] (like torch.nn.Linear: x·Wᵀ, a fused matMul with transposeB).
 */
import { tf } from '../../src/tf.js';
import { createAlgorithm, initState, step } from '../../src/kernels/step.js';
import { functionObjective } from '../../src/kernels/objective.js';

export type Layout = 'tfjs' | 'torch';

export interface MlpProblem {
  /** Widths, input first: [784, 256, 256, 10]. */
  widths: number[];
  layout: Layout;
  /** Per layer: kernel values then bias values (plain numbers, so any backend can build them). */
  params: number[][];
  x: number[];
  /** One-hot labels, batch × classes. */
  y: number[];
  batch: number;
}

/** Deterministic pseudo-random values in [-scale, scale) from a 32-bit seed (mulberry32). */
export function seededValues(seed: number, n: number, scale: number): number[] {
  let s = seed >>> 0;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = Math.fround(((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1) * scale);
  }
  return out;
}

export function mlpProblem(widths: number[], batch: number, layout: Layout, seed: number): MlpProblem {
  const params: number[][] = [];
  for (let l = 0; l + 1 < widths.length; l++) {
    const [fanIn, fanOut] = [widths[l]!, widths[l + 1]!];
    params.push(seededValues(seed + 2 * l + 1, fanIn * fanOut, Math.sqrt(6 / (fanIn + fanOut))));
    params.push(seededValues(seed + 2 * l + 2, fanOut, 0.1));
  }
  const classes = widths[widths.length - 1]!;
  const x = seededValues(seed + 1000, batch * widths[0]!, 1);
  const y = Array.from({ length: batch * classes }, (_, i) => (i % classes === (Math.floor(i / classes) * 7) % classes ? 1 : 0));
  return { widths, layout, params, x, y, batch };
}

/** The parameter tensors on the current backend. */
export function mlpTensors(p: MlpProblem): tf.Tensor[] {
  return p.params.map((values, i) => {
    const l = Math.floor(i / 2);
    const [fanIn, fanOut] = [p.widths[l]!, p.widths[l + 1]!];
    if (i % 2 === 1) return tf.tensor1d(values);
    return tf.tensor2d(values, p.layout === 'tfjs' ? [fanIn, fanOut] : [fanOut, fanIn]);
  });
}

/** Mean softmax cross-entropy of the MLP; every layer is one fused matMul (bias, relu). */
export function mlpLoss(p: MlpProblem, x: tf.Tensor2D, y: tf.Tensor2D): (params: tf.Tensor[]) => tf.Scalar {
  return (params) => {
    let h: tf.Tensor2D = x;
    const layers = params.length / 2;
    for (let l = 0; l < layers; l++) {
      h = tf.fused.matMul({
        a: h,
        b: params[2 * l] as tf.Tensor2D,
        transposeB: p.layout === 'torch',
        bias: params[2 * l + 1],
        activation: l + 1 < layers ? 'relu' : 'linear',
      }) as tf.Tensor2D;
    }
    const logp = tf.sub(h, tf.logSumExp(h, 1, true));
    return tf.neg(tf.mean(tf.sum(tf.mul(y, logp), 1))) as tf.Scalar;
  };
}

export interface MlpTensors {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  params: tf.Tensor[];
}

/** Data and parameters as tensors on the current backend (caller disposes). */
export function mlpSetup(p: MlpProblem): MlpTensors {
  return {
    x: tf.tensor2d(p.x, [p.batch, p.widths[0]!]),
    y: tf.tensor2d(p.y, [p.batch, p.widths[p.widths.length - 1]!]),
    params: mlpTensors(p),
  };
}

/** One SAM step (functional core) from prepared tensors; returns the new parameter tensors. */
export function samStepOf(p: MlpProblem, t: MlpTensors, rho: number, learningRate: number): tf.Tensor[] {
  const names = t.params.map((_, i) => `p${i}`);
  const algorithm = createAlgorithm({ algorithm: 'sam', rho, learningRate }, { names });
  return step(algorithm, t.params, functionObjective(mlpLoss(p, t.x, t.y)), initState(algorithm, t.params)).params;
}

/** Loss and gradients once (the unit a SAM step costs two of). */
export function forwardBackwardOf(p: MlpProblem, t: MlpTensors): tf.Tensor[] {
  const { value, grads } = tf.valueAndGrads((...params: tf.Tensor[]) => mlpLoss(p, t.x, t.y)(params))(t.params);
  return [value, ...grads];
}

/** One SAM step on the current backend, built from the plain arrays (call inside tf.tidy). */
export function mlpSamStep(p: MlpProblem, rho: number, learningRate: number): tf.Tensor[] {
  return samStepOf(p, mlpSetup(p), rho, learningRate);
}
