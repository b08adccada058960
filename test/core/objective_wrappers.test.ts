/**
 * observeObjective (public, src/index.ts) with an observer that has only one of its two hooks:
 * the other kind of pass still works and is not reported. Added for the mutation run
 * (spec/mutation.md): every observer inside samcheck has both hooks, so a missing `?.` was unseen.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { functionObjective, observeObjective } from '../../src/kernels/objective.js';
import type { PassInfo } from '../../src/kernels/types.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const square = functionObjective((p) => tf.sum(tf.square(p[0])) as tf.Scalar);
const pass: PassInfo = { kind: 'clean', index: 0 };

describe('observeObjective with one hook', () => {
  it('forward-only observer: gradient passes run unobserved, forward passes are reported', () => {
    const seen: number[] = [];
    const o = observeObjective(square, { forward: (_p, v) => seen.push(v.dataSync()[0]) });
    tf.tidy(() => {
      expect(o.valueAndGrad([tf.tensor1d([3])], pass).grads[0].dataSync()[0]).toBe(6);
      expect(o.value([tf.tensor1d([2])], pass).dataSync()[0]).toBe(4);
    });
    expect(seen).toEqual([4]);
  });
  it('gradient-only observer: forward passes run unobserved, gradient passes are reported with their gradients', () => {
    const seen: number[][] = [];
    const o = observeObjective(square, { gradient: (_p, v, g) => seen.push([v.dataSync()[0], g[0].dataSync()[0]]) });
    tf.tidy(() => {
      expect(o.value([tf.tensor1d([2])], pass).dataSync()[0]).toBe(4);
      o.valueAndGrad([tf.tensor1d([3])], pass);
    });
    expect(seen).toEqual([[9, 6]]);
  });
});
