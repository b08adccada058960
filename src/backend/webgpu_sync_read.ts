/**
 * Synchronous reads (`dataSync`, `arraySync`) on tfjs-backend-webgpu go through a WebGPU canvas:
 * the buffer is copied into an OffscreenCanvas texture and drawn into a 2-D canvas. Where that
 * cannot work, stock tfjs fails in the worst ways:
 * - Node (Dawn): `ReferenceError: OffscreenCanvas is not defined`, mid-step;
 * - headless Chromium on SwiftShader's WebGPU adapter: `getCurrentTexture()` on the canvas loses
 *   the WebGPU instance, the read returns zeros (silently), and every later GPU call fails
 *   (reports/findings/webgpu-swiftshader-sync-read-loses-device.md).
 * samcheck's steps read their finiteness flag, and XSAM its angle, synchronously, so a SAM step
 * there would be wrong (a NaN passes as finite) or crash. This guard makes such a read throw a
 * BackendError naming the cause before anything is read or the device lost; tensors whose values
 * are still on the CPU, and asynchronous reads (`await tensor.data()`), work as before.
 */
import { tf } from '../tf.js';
import { BackendError } from '../errors.js';
import { inBrowser } from './environment.js';

interface WebgpuBackendInternals {
  readSync(dataId: object): unknown;
  tensorMap: { get(dataId: object): { values?: unknown; dtype: string } | undefined };
  adapterInfo?: { architecture?: string; vendor?: string };
}

const NODE_REASON =
  'Dawn in Node cannot read a GPU buffer synchronously (tfjs-backend-webgpu reads through an OffscreenCanvas, which Node lacks). ' +
  "samcheck's steps and optimizers (model.fit, minimize) check finiteness with a synchronous read, so they cannot run on webgpu in Node: " +
  "use the default 'wasm' backend (or 'cpu') to train; webgpu stays usable for asynchronous work (await tensor.data())";

const SWIFTSHADER_REASON =
  "this WebGPU adapter (SwiftShader) loses the device when tfjs-backend-webgpu reads synchronously through a canvas (the read would return zeros and every later GPU call fail). " +
  "samcheck's steps and optimizers check finiteness with a synchronous read, so they cannot run here: use 'webgl' or 'wasm'; asynchronous reads (await tensor.data()) work";

/** Why synchronous reads cannot work on this webgpu backend, or null where they do. */
export function syncReadUnavailable(backend: WebgpuBackendInternals): string | null {
  if (!inBrowser()) return NODE_REASON;
  return /swiftshader/i.test(backend.adapterInfo?.architecture ?? '') ? SWIFTSHADER_REASON : null;
}

const stock = new WeakMap<object, WebgpuBackendInternals['readSync']>();

/** The initialized webgpu backend, if any (tf.findBackend would start initializing a registered one). */
function webgpuBackend(): WebgpuBackendInternals | undefined {
  return (tf.engine() as unknown as { registry: Record<string, WebgpuBackendInternals | undefined> }).registry.webgpu;
}

export function webgpuSyncReadGuardInstalled(): boolean {
  const backend = webgpuBackend();
  return backend !== undefined && stock.has(backend);
}

/** Installs the guard on the initialized webgpu backend (a no-op before it exists or where reads work). */
export function installWebgpuSyncReadGuard(): void {
  const backend = webgpuBackend();
  if (backend === undefined || stock.has(backend)) return;
  const reason = syncReadUnavailable(backend);
  if (reason === null) return;
  const original = backend.readSync;
  stock.set(backend, original);
  backend.readSync = function (dataId: object) {
    const data = this.tensorMap.get(dataId);
    if (data === undefined || data.values != null || data.dtype === 'string') return original.call(this, dataId);
    throw new BackendError('BACKEND_UNAVAILABLE', 'dataSync', 'webgpu', reason);
  };
}

export function removeWebgpuSyncReadGuard(): void {
  const backend = webgpuBackend();
  const original = backend === undefined ? undefined : stock.get(backend);
  if (backend === undefined || original === undefined) return;
  backend.readSync = original;
  stock.delete(backend);
}
