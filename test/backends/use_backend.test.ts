import { afterEach, describe, expect, it } from 'vitest';
import { tf } from '../../src/tf.js';
import { backendFixState, fixesRequested, useBackend } from '../../src/backend/index.js';
import { candidateBackends } from '../../properties/backends/cross_backend.js';

afterEach(async () => {
  delete process.env.SAMCHECK_WASM_FIX;
  await useBackend({ backend: 'cpu' });
});

describe('useBackend and the fix switch', () => {
  it('applies the fixes by default, not with fixes: false or SAMCHECK_WASM_FIX=0', async () => {
    await useBackend({ backend: 'wasm' });
    expect(backendFixState()).toMatchObject({ wasmMatMul: true, wasmConvFilterGradient: true, secondOrderGradients: true });
    await useBackend({ backend: 'wasm', fixes: false });
    expect(backendFixState()).toMatchObject({ wasmMatMul: false, wasmConvFilterGradient: false, secondOrderGradients: false });
    process.env.SAMCHECK_WASM_FIX = '0';
    expect(fixesRequested()).toBe(false);
    expect(fixesRequested({ fixes: true })).toBe(true);
    await useBackend({ backend: 'wasm' });
    expect(backendFixState().wasmMatMul).toBe(false);
  });

  it('the fixed wasm kernels free their temporaries (backend data count flat)', async () => {
    await useBackend({ backend: 'wasm' });
    const run = () =>
      tf.tidy(() => {
        const a = tf.ones([2, 3, 4]) as tf.Tensor3D;
        const b = tf.ones([2, 5, 3]) as tf.Tensor3D;
        const fused = tf.fused.matMul({ a, b, transposeA: true, transposeB: true, bias: tf.ones([5]), activation: 'relu' });
        // conv2d filter gradients: strided with a numeric pad (PadV2, Slice, dilated dy) and plain 'same'.
        const x = tf.ones([2, 5, 5, 2]) as tf.Tensor4D;
        const filterGrad = (stride: number, pad: 'same' | number) =>
          tf.grad((f: tf.Tensor) => tf.sum(tf.conv2d(x, f as tf.Tensor4D, stride, pad)))(tf.ones([3, 3, 2, 3]));
        const conv = tf.add(tf.sum(filterGrad(2, 1)), tf.sum(filterGrad(1, 'same')));
        return tf.add(tf.add(tf.sum(fused), tf.sum(tf.matMul(a, tf.ones([2, 5, 4]), false, true))), conv);
      });
    tf.dispose(run());
    const before = { tensors: tf.memory().numTensors, data: tf.engine().backend.numDataIds() };
    for (let i = 0; i < 5; i++) tf.dispose(run());
    expect({ tensors: tf.memory().numTensors, data: tf.engine().backend.numDataIds() }).toEqual(before);
  });

  it("selects 'webgpu' (Dawn over OpenGL ES) when it can start, else says why", async (ctx) => {
    const found = await candidateBackends();
    if (found.webgpuUnavailable !== undefined) {
      console.warn(`webgpu unavailable here: ${found.webgpuUnavailable}`);
      return ctx.skip();
    }
    expect(await useBackend({ backend: 'webgpu' })).toBe('webgpu');
    const product = tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]]));
    expect(Array.from(await product.data())).toEqual([11]);
    product.dispose();
  });
});
