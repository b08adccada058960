/**
 * WebGPU: in a browser, tfjs-backend-webgpu on the browser's own `navigator.gpu`; in Node,
 * on Dawn (npm `webgpu`) through Dawn's OpenGL ES backend over Mesa llvmpipe. Dawn rejects Mesa's
 * lavapipe Vulkan driver, so Node asks for `backend=opengles`, requests the adapter at feature
 * level 'compatibility' (GL ES cannot give 'core'), renders surfaceless (no X/Wayland), and gets
 * the `navigator.gpu` Node 20 lacks. About cpu speed in Node: its value is running the WGSL shader
 * path of every kernel in CI. Reading results back there needs `await tensor.data()`: the backend's
 * dataSync uses OffscreenCanvas, which Node lacks.
 */
import { BackendError } from '../errors.js';
import { environmentVariable, importOptional, inBrowser } from './environment.js';
import { requireRegisteredBackend } from './registered.js';

interface Gpu {
  requestAdapter(options?: Record<string, unknown>): Promise<unknown>;
}

let loaded: Promise<void> | undefined;

/**
 * Dawn's backend: SAMCHECK_DAWN_BACKEND (e.g. 'vulkan' on a machine with a GPU driver,
 * benchmarks/gpu/run.sh), else 'opengles', which works on Mesa llvmpipe without a GPU.
 */
export function dawnBackend(): string {
  const requested = environmentVariable('SAMCHECK_DAWN_BACKEND');
  return requested === undefined || requested === '' ? 'opengles' : requested;
}

async function installNavigatorGpu(): Promise<void> {
  // EGL reads this when Dawn opens its display, which happens in create()/requestAdapter().
  if (environmentVariable('EGL_PLATFORM') === undefined) process.env.EGL_PLATFORM = 'surfaceless';
  const dawn = (await importOptional('webgpu')) as { create(flags: string[]): Gpu; globals: object };
  Object.assign(globalThis, dawn.globals);
  const backend = dawnBackend();
  const gpu = dawn.create([`backend=${backend}`]);
  // GL ES cannot provide WebGPU's 'core' feature level; Vulkan, D3D and Metal can.
  const level = backend === 'opengles' || backend === 'opengl' ? { featureLevel: 'compatibility' } : {};
  const wrapper = {
    requestAdapter: (options: Record<string, unknown> = {}) => gpu.requestAdapter({ ...options, ...level }),
    getPreferredCanvasFormat: () => 'rgba8unorm',
  };
  const g = globalThis as { navigator?: { gpu?: unknown } };
  if (g.navigator === undefined) {
    Object.defineProperty(globalThis, 'navigator', { value: { gpu: wrapper }, configurable: true, writable: true });
  } else if (g.navigator.gpu === undefined) {
    Object.defineProperty(g.navigator, 'gpu', { value: wrapper, configurable: true });
  }
  if ((await wrapper.requestAdapter()) == null) throw new Error(`Dawn found no ${backend} adapter${backend === 'opengles' ? ' (is Mesa installed?)' : ''}`);
}

/** Makes backend 'webgpu' available to tf.setBackend; throws a BackendError saying why not. */
export function loadWebgpuBackend(): Promise<void> {
  if (inBrowser()) {
    const hasGpu = (globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu !== undefined;
    return requireRegisteredBackend('webgpu', '@tensorflow/tfjs-backend-webgpu', hasGpu ? undefined : 'this browser has no WebGPU (navigator.gpu is undefined)');
  }
  loaded ??= (async () => {
    try {
      await installNavigatorGpu();
      // Registers 'webgpu' on import, but only if navigator.gpu exists: hence the order.
      await importOptional('@tensorflow/tfjs-backend-webgpu');
    } catch (err) {
      loaded = undefined;
      throw new BackendError(
        'BACKEND_UNAVAILABLE',
        'backend',
        'webgpu',
        `WebGPU (Dawn, backend=${dawnBackend()}) could not start: ${(err as Error).message.split('\n')[0]}. ` +
          `It needs the npm packages webgpu and @tensorflow/tfjs-backend-webgpu and Mesa's EGL/GLES drivers ` +
          `(Debian: libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri).`,
      );
    }
  })();
  return loaded;
}
