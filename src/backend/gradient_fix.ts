/**
 * Second-order gradient fix for tfjs 4.22 (backend independent; see spec/backends.md).
 *
 * tfjs's Exp/Tanh/Sigmoid/Softmax gradients reuse the op's saved *output*. Inside a nested
 * `tf.grad` that saved output is not linked into the outer tape, so grad-of-grad silently drops
 * the terms that flow through it (Hessian-vector products off by 70–230 %). The replacements
 * save the *input* and recompute the output inside the gradient, so the outer tape sees it.
 * Comparison ops (Equal, Greater, …) have no gradient at all, which makes second-order
 * differentiation through max-style gradients throw; their derivative is 0 wherever it exists.
 */
import { tf } from '../tf.js';

type GradConfig = NonNullable<ReturnType<typeof tf.getGradient>>;
type Grads = Record<string, () => tf.Tensor>;

const recomputing: GradConfig[] = [
  {
    kernelName: 'Exp',
    inputsToSave: ['x'],
    gradFunc: (dy, [x]) => ({ x: () => tf.mul(dy as tf.Tensor, tf.exp(x!)) }),
  },
  {
    kernelName: 'Tanh',
    inputsToSave: ['x'],
    gradFunc: (dy, [x]) => ({ x: () => tf.mul(dy as tf.Tensor, tf.sub(1, tf.square(tf.tanh(x!)))) }),
  },
  {
    kernelName: 'Sigmoid',
    inputsToSave: ['x'],
    gradFunc: (dy, [x]) => ({
      x: () => {
        const y = tf.sigmoid(x!);
        return tf.mul(dy as tf.Tensor, tf.mul(y, tf.sub(1, y)));
      },
    }),
  },
  {
    kernelName: 'Softmax',
    inputsToSave: ['logits'],
    gradFunc: (dy, [logits], attrs) => ({
      logits: () => {
        const { dim } = attrs as unknown as { dim: number };
        const y = tf.softmax(logits!, dim);
        const dyTimesY = tf.mul(dy as tf.Tensor, y);
        return tf.sub(dyTimesY, tf.mul(tf.sum(dyTimesY, [dim], true), y));
      },
    }),
  },
];

const COMPARISONS = ['Equal', 'NotEqual', 'Greater', 'GreaterEqual', 'Less', 'LessEqual'] as const;

function zeroGradient(kernelName: string): GradConfig {
  return {
    kernelName,
    inputsToSave: ['a', 'b'],
    gradFunc: (_dy, [a, b]): Grads => ({ a: () => tf.zerosLike(a!), b: () => tf.zerosLike(b!) }),
  };
}

const stock = new Map<string, GradConfig>();

/** True when the recomputing gradients are registered. */
export function secondOrderGradientFixInstalled(): boolean {
  return recomputing.every((g) => tf.getGradient(g.kernelName) === g);
}

/** Registers the recomputing gradients and zero comparison gradients. Idempotent. */
export function installSecondOrderGradientFix(): void {
  if (secondOrderGradientFixInstalled()) return;
  for (const g of recomputing) {
    const original = tf.getGradient(g.kernelName);
    if (original !== undefined && original !== g && !stock.has(g.kernelName)) stock.set(g.kernelName, original);
    tf.registerGradient(g);
  }
  for (const name of COMPARISONS) if (tf.getGradient(name) === undefined) tf.registerGradient(zeroGradient(name));
}

/**
 * Restores tfjs's stock Exp/Tanh/Sigmoid/Softmax gradients. The zero comparison gradients stay:
 * tfjs has no way to unregister a gradient, and they are exact where the derivative exists.
 */
export function removeSecondOrderGradientFix(): void {
  for (const original of stock.values()) tf.registerGradient(original);
}
