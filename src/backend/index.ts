import { tf } from '../tf.js';
import { BackendError } from '../errors.js';
import { loadWebgpuBackend } from './webgpu.js';
import { loadWebglBackend } from './registered.js';
import { environmentVariable } from './environment.js';

export { loadWebgpuBackend } from './webgpu.js';
export { loadWebglBackend } from './registered.js';
export { inBrowser } from './environment.js';
export { exactHvp, finiteDifferenceHvp, FD_STEP, type ScalarFunction } from './hvp.js';
import { fixesRequested, setBackendFixes, type BackendFixOptions } from './fixes.js';

export { fixesRequested, setBackendFixes, backendFixState, type BackendFixOptions, type BackendFixState } from './fixes.js';

/** 'webgl' runs in a browser only; 'tensorflow' in Node only (spec/backends.md). */
export const BACKENDS = ['wasm', 'cpu', 'tensorflow', 'webgpu', 'webgl'] as const;
export type BackendName = (typeof BACKENDS)[number];

export interface BackendOptions extends BackendFixOptions {
  /** Backend to use; default: $SAMCHECK_BACKEND (Node), else 'wasm'. */
  backend?: string;
}

/** Which backend an option or SAMCHECK_BACKEND asks for (validated, not yet loaded). */
export function requestedBackend(options: BackendOptions = {}): BackendName {
  const fromEnv = environmentVariable('SAMCHECK_BACKEND');
  const name = options.backend ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : 'wasm');
  if (!(BACKENDS as readonly string[]).includes(name)) {
    const source = options.backend !== undefined ? 'backend' : 'SAMCHECK_BACKEND';
    throw new BackendError('UNSUPPORTED_BACKEND', source, name, `expected one of ${BACKENDS.join(', ')}`);
  }
  return name as BackendName;
}

/**
 * Loads the native TensorFlow binding if the user installed one. It is never a dependency of
 * samcheck: its install script downloads libtensorflow, which fails without network access.
 */
async function loadTensorflowBinding(): Promise<string> {
  const candidates = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'];
  const failures: string[] = [];
  for (const pkg of candidates) {
    try {
      await import(pkg);
      return pkg;
    } catch (err) {
      failures.push(`${pkg}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  throw new BackendError(
    'BACKEND_UNAVAILABLE',
    'backend',
    'tensorflow',
    `neither @tensorflow/tfjs-node-gpu nor @tensorflow/tfjs-node could be loaded. Install one ` +
      `(npm install @tensorflow/tfjs-node-gpu, or @tensorflow/tfjs-node for CPU only) next to samcheck, ` +
      `or choose --backend wasm|cpu. (${failures.join('; ')})`,
  );
}

/** Hooks run after a backend is set and the fix layer (src/backend/fixes.ts) applied. */
const afterSet = new Map<BackendName, (options: BackendOptions) => void>();
export function onBackendSet(name: BackendName, hook: (options: BackendOptions) => void): void {
  afterSet.set(name, hook);
}

/**
 * Selects, initializes and returns the backend, with samcheck's tfjs fixes applied unless
 * `fixes: false` (or SAMCHECK_WASM_FIX=0). Idempotent.
 */
export async function useBackend(options: BackendOptions = {}): Promise<BackendName> {
  const name = requestedBackend(options);
  tf.enableProdMode();
  if (name === 'tensorflow') await loadTensorflowBinding();
  if (name === 'webgpu') await loadWebgpuBackend();
  if (name === 'webgl') await loadWebglBackend();
  const ok = await tf.setBackend(name);
  if (!ok) throw new BackendError('BACKEND_UNAVAILABLE', 'backend', name, 'tfjs could not initialize this backend');
  await tf.ready();
  setBackendFixes(fixesRequested(options));
  afterSet.get(name)?.(options);
  return name;
}
