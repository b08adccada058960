/**
 * WebGPU without a GPU: tfjs-backend-webgpu on Dawn (npm `webgpu`) through Dawn's OpenGL ES
 * backend over Mesa llvmpipe. Dawn rejects Mesa's lavapipe Vulkan driver, so we ask for
 * `backend=opengles`, request the adapter at feature level 'compatibility' (GL ES cannot give
 * 'core'), render surfaceless (no X/Wayland), and give Node 20 the `navigator.gpu` it lacks.
 * About cpu speed: its value is running the WGSL shader path of every kernel in CI.
 * Reading results back needs `await tensor.data()`: the backend's dataSync uses OffscreenCanvas.
 */
import { BackendError } from '../errors.js';

interface Gpu {
  requestAdapter(options?: Record<string, unknown>): Promise<unknown>;
}

let loaded: Promise<void> | undefined;

async function installNavigatorGpu(): Promise<void> {
  // EGL reads this when Dawn opens its display, which happens in create()/requestAdapter().
  process.env.EGL_PLATFORM ??= 'surfaceless';
  const dawn = (await import('webgpu')) as unknown as { create(flags: string[]): Gpu; globals: object };
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create(['backend=opengles']);
  const wrapper = {
    requestAdapter: (options: Record<string, unknown> = {}) => gpu.requestAdapter({ ...options, featureLevel: 'compatibility' }),
    getPreferredCanvasFormat: () => 'rgba8unorm',
  };
  const g = globalThis as { navigator?: { gpu?: unknown } };
  if (g.navigator === undefined) {
    Object.defineProperty(globalThis, 'navigator', { value: { gpu: wrapper }, configurable: true, writable: true });
  } else if (g.navigator.gpu === undefined) {
    Object.defineProperty(g.navigator, 'gpu', { value: wrapper, configurable: true });
  }
  if ((await wrapper.requestAdapter()) == null) throw new Error('Dawn found no OpenGL ES adapter (is Mesa installed?)');
}

/** Makes backend 'webgpu' available to tf.setBackend; throws a BackendError saying why not. */
export function loadWebgpuBackend(): Promise<void> {
  loaded ??= (async () => {
    try {
      await installNavigatorGpu();
      // Registers 'webgpu' on import, but only if navigator.gpu exists: hence the order.
      await import('@tensorflow/tfjs-backend-webgpu');
    } catch (err) {
      loaded = undefined;
      throw new BackendError(
        'BACKEND_UNAVAILABLE',
        'backend',
        'webgpu',
        `WebGPU (Dawn over OpenGL ES) could not start: ${(err as Error).message.split('\n')[0]}. ` +
          `It needs the npm packages webgpu and @tensorflow/tfjs-backend-webgpu and Mesa's EGL/GLES drivers ` +
          `(Debian: libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri).`,
      );
    }
  })();
  return loaded;
}
