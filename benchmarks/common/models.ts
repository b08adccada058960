import { tf, type Tensor } from '../../src/tf.js';
import { createRandom, normalArray } from '../../src/data/random.js';
import type { Tree } from '../../src/kernels/tree.js';

/**
 * Small models written as pure functions of a parameter list, so the functional step can move
 * between points without touching tf.Variables. Initialization: Glorot-normal from a seed.
 */
export interface Model {
  name: string;
  /** Parameter names (tfjs-style '.../kernel', '.../bias': ASAM's presets read them). */
  names: string[];
  shapes: number[][];
  /** Input shape of one example. */
  inputShape: number[];
  /** logits [batch, classes] for a batch x [batch, ...inputShape]. */
  forward(params: Tree, x: Tensor): Tensor;
}

export function initParams(model: Model, seed: number): Tree {
  const random = createRandom(seed);
  return model.shapes.map((shape, i) => {
    if (model.names[i].endsWith('bias')) return tf.zeros(shape);
    const fanIn = shape.slice(0, -1).reduce((p, d) => p * d, 1);
    const fanOut = shape.length === 4 ? shape[0] * shape[1] * shape[3] : shape[shape.length - 1];
    const values = normalArray(random, shape.reduce((p, d) => p * d, 1), Math.sqrt(2 / (fanIn + fanOut)));
    return tf.tensor(values, shape, 'float32');
  });
}

/** Fully connected ReLU network; sizes = [input, hidden…, classes] (e.g. 784-256-256-10). */
export function mlp(sizes: number[], inputShape: number[] = [sizes[0]]): Model {
  const names: string[] = [];
  const shapes: number[][] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    names.push(`dense_${l}/kernel`, `dense_${l}/bias`);
    shapes.push([sizes[l], sizes[l + 1]], [sizes[l + 1]]);
  }
  return {
    name: `MLP ${sizes.join('-')}`,
    names,
    shapes,
    inputShape,
    forward(params, x) {
      let h = tf.reshape(x, [x.shape[0], sizes[0]]);
      const layers = sizes.length - 1;
      for (let l = 0; l < layers; l++) {
        const z = tf.add(tf.matMul(h, params[2 * l]), params[2 * l + 1]);
        h = l + 1 < layers ? tf.relu(z) : z;
      }
      return h;
    },
  };
}

/**
 * Small CNN for 28×28×1 images: conv3×3(c1)-ReLU-maxpool2, conv3×3(c2)-ReLU-maxpool2, dense → classes.
 */
export function smallCnn(channels: [number, number] = [8, 16], classes = 10, side = 28): Model {
  const [c1, c2] = channels;
  const flat = Math.floor(side / 4) ** 2 * c2;
  return {
    name: `CNN conv${c1}-conv${c2}-dense${classes}`,
    names: ['conv_0/kernel', 'conv_0/bias', 'conv_1/kernel', 'conv_1/bias', 'dense/kernel', 'dense/bias'],
    shapes: [[3, 3, 1, c1], [c1], [3, 3, c1, c2], [c2], [flat, classes], [classes]],
    inputShape: [side, side, 1],
    forward(p, x) {
      const block = (h: Tensor, k: Tensor, b: Tensor) =>
        tf.maxPool(tf.relu(tf.add(tf.conv2d(h as tf.Tensor4D, k as tf.Tensor4D, 1, "same"), b)) as tf.Tensor4D, 2, 2, "valid");
      const h = block(block(x, p[0], p[1]), p[2], p[3]);
      return tf.add(tf.matMul(tf.reshape(h, [x.shape[0], flat]), p[4]), p[5]);
    },
  };
}
