/** The exported tf has tfjs' chained tensor methods (tfjs-core's Node bundle registers none). */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

describe('chained tensor methods', () => {
  it('same-name ops and the special forms compute what the ops do', () => {
    const t = tf.tensor1d([1, -2, 3, -4]);
    expect(Array.from(t.reshape([2, 2]).add(1).abs().dataSync())).toEqual([2, 1, 4, 3]);
    expect(t.as2D(2, 2).shape).toEqual([2, 2]);
    expect(t.asType('int32').dtype).toBe('int32');
    expect(t.concat(t).shape).toEqual([8]);
    expect(t.stack(t).shape).toEqual([2, 4]);
    expect(Array.from(t.where(tf.greater(t, 0) as tf.Tensor, tf.zerosLike(t)).dataSync())).toEqual([1, 0, 3, 0]);
  });
});
