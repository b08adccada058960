/** Layouts: a random split of d coordinates into 1–3 tensors with Keras-like names. */
import fc from 'fast-check';
import type { Layout } from '../../src/oracle/functions/index.js';

const NAMES = [['dense/kernel'], ['dense/kernel', 'dense/bias'], ['dense/kernel', 'dense/bias', 'dense_1/kernel']];

/** k − 1 distinct cut points in 1..d−1 split d coordinates into k tensors. */
const split = (d: number, k: number): fc.Arbitrary<Layout> =>
  fc.uniqueArray(fc.integer({ min: 1, max: d - 1 }), { minLength: k - 1, maxLength: k - 1 }).map((cuts) => {
    const edges = [0, ...cuts.sort((a, b) => a - b), d];
    return { names: NAMES[k - 1], sizes: edges.slice(1).map((e, i) => e - edges[i]) };
  });

/** Shrinks toward a single tensor. */
export const layout = (d: number): fc.Arbitrary<Layout> =>
  d === 1 ? fc.constant({ names: NAMES[0], sizes: [1] }) : fc.integer({ min: 1, max: Math.min(3, d) }).chain((k) => split(d, k));
