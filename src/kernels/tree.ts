import { tf, type Tensor, type Scalar } from '../tf.js';

/**
 * Parameters are a list of tensors ("a tree" in optax terms). Norms and dot products are
 * global over the whole list, never per tensor (spec/algorithms.md, conventions).
 */
export type Tree = Tensor[];

export const add = (a: Tree, b: Tree): Tree => a.map((x, i) => tf.add(x, b[i]));
export const sub = (a: Tree, b: Tree): Tree => a.map((x, i) => tf.sub(x, b[i]));
export const mul = (a: Tree, b: Tree): Tree => a.map((x, i) => tf.mul(x, b[i]));
export const scale = (a: Tree, s: Scalar | number): Tree => a.map((x) => tf.mul(x, s));
export const zerosLike = (a: Tree): Tree => a.map((x) => tf.zerosLike(x));
/** a + s·b */
export const axpy = (a: Tree, s: Scalar | number, b: Tree): Tree => a.map((x, i) => tf.add(x, tf.mul(b[i], s)));

export function dot(a: Tree, b: Tree): Scalar {
  return tf.addN(a.map((x, i) => tf.sum(tf.mul(x, b[i])))) as Scalar;
}

/**
 * ‖a‖ over the whole tree, computed as m·‖a/m‖ with m = max|a_i| (as Math.hypot does): a plain
 * float32 sum of squares overflows once ‖a‖ ≳ 1.8e19 and underflows below ≈ 1e-19, which would
 * silently drop SAM's perturbation (spec/protocol.md §2.2, "Magnitudes").
 */
export function globalNorm(a: Tree): Scalar {
  return tf.tidy(() => {
    if (a.length === 0) return tf.scalar(0);
    const m = tf.max(tf.stack(a.map((x) => (x.size === 0 ? tf.scalar(0) : tf.max(tf.abs(x))))));
    const safe = tf.where(tf.greater(m, 0), m, tf.onesLike(m));
    const scaled = tf.mul(safe, tf.sqrt(tf.addN(a.map((x) => tf.sum(tf.square(tf.div(x, safe)))))));
    // An infinite entry: ‖a‖ = ∞ (∞/∞ would give NaN).
    return tf.where(tf.isInf(m), m, scaled) as Scalar;
  });
}

/** x/(‖x‖ + ε): the guarded normalization every SAM-type method uses. */
export function normalized(a: Tree, epsilon: number): { unit: Tree; norm: Scalar } {
  const norm = globalNorm(a);
  const denom = tf.add(norm, epsilon);
  return { unit: a.map((x) => tf.div(x, denom)), norm };
}

/** True iff every element of every tensor is finite (one device read). */
export function allFinite(a: Tree): boolean {
  if (a.length === 0) return true;
  return tf.tidy(() => {
    const bad = tf.addN(a.map((x) => tf.sum(tf.cast(tf.logicalNot(tf.isFinite(x)), 'float32'))));
    return bad.dataSync()[0] === 0;
  });
}

/** A flat float64 copy of the tree (test and report helper; reads the device). */
export function toFlat(a: Tree): Float64Array {
  const n = a.reduce((s, x) => s + x.size, 0);
  const out = new Float64Array(n);
  let o = 0;
  for (const x of a) {
    out.set(x.dataSync(), o);
    o += x.size;
  }
  return out;
}

/** Splits a flat vector into tensors of the given shapes. */
export function fromFlat(flat: ArrayLike<number>, shapes: number[][]): Tree {
  let o = 0;
  return shapes.map((shape) => {
    const size = shape.reduce((p, d) => p * d, 1);
    const t = tf.tensor(Array.from({ length: size }, (_, i) => flat[o + i]), shape, 'float32');
    o += size;
    return t;
  });
}
