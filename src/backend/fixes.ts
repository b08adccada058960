/**
 * The backend fix layer: which fixes samcheck applies on top of stock tfjs 4.22, and the switch.
 * Default on; `useBackend({ fixes: false })` or SAMCHECK_WASM_FIX=0 gives stock tfjs (used by the
 * cross-backend properties to show the bugs, and by benchmarks/backends to measure the speed-up).
 */
import { installWasmMatMulFix, removeWasmMatMulFix, wasmMatMulFixInstalled } from './wasm_matmul_fix.js';
import { installWasmConvFix, removeWasmConvFix, wasmConvFixInstalled } from './wasm_conv_fix.js';
import { environmentVariable } from './environment.js';
import {
  installSecondOrderGradientFix,
  removeSecondOrderGradientFix,
  secondOrderGradientFixInstalled,
} from './gradient_fix.js';
import { installWebgpuAddNFix, removeWebgpuAddNFix, webgpuAddNFixInstalled } from './webgpu_addn_fix.js';
import { installWebgpuSyncReadGuard, removeWebgpuSyncReadGuard, webgpuSyncReadGuardInstalled } from './webgpu_sync_read.js';

export interface BackendFixOptions {
  /** Apply samcheck's tfjs fixes (wasm matMul, wasm conv filter gradient, second-order gradients, webgpu AddN and sync reads); default: true unless SAMCHECK_WASM_FIX=0. */
  fixes?: boolean;
}

export function fixesRequested(options: BackendFixOptions = {}): boolean {
  if (options.fixes !== undefined) return options.fixes;
  const env = environmentVariable('SAMCHECK_WASM_FIX');
  return !(env === '0' || env === 'false' || env === 'off');
}

/**
 * Installs (or removes) every fix. The wasm kernels are registered per backend name, so they can
 * be installed whether or not wasm is the current backend; gradients are backend independent.
 * The webgpu fixes need tfjs-backend-webgpu loaded (the AddN kernel) or initialized (the
 * sync-read guard) and are no-ops before; useBackend calls this again after setting a backend.
 */
export function setBackendFixes(enabled: boolean): void {
  if (enabled) {
    installWasmMatMulFix();
    installWasmConvFix();
    installSecondOrderGradientFix();
    installWebgpuAddNFix();
    installWebgpuSyncReadGuard();
  } else {
    removeWasmMatMulFix();
    removeWasmConvFix();
    removeSecondOrderGradientFix();
    removeWebgpuAddNFix();
    removeWebgpuSyncReadGuard();
  }
}

export interface BackendFixState {
  wasmMatMul: boolean;
  /** The wasm Conv2DBackpropFilter kernel (stock wasm has none). */
  wasmConvFilterGradient: boolean;
  secondOrderGradients: boolean;
  /** webgpu AddN split to the device's storage-buffer limit (false until tfjs-backend-webgpu is loaded). */
  webgpuAddN: boolean;
  /** webgpu synchronous reads refused with a BackendError where they cannot work (Node; SwiftShader). */
  webgpuSyncReadGuard: boolean;
}

export function backendFixState(): BackendFixState {
  return {
    wasmMatMul: wasmMatMulFixInstalled(),
    wasmConvFilterGradient: wasmConvFixInstalled(),
    secondOrderGradients: secondOrderGradientFixInstalled(),
    webgpuAddN: webgpuAddNFixInstalled(),
    webgpuSyncReadGuard: webgpuSyncReadGuardInstalled(),
  };
}
