import { tf } from '../tf.js';
import { BackendError } from '../errors.js';

export const BACKENDS = ['wasm', 'cpu', 'tensorflow'] as const;
export type BackendName = (typeof BACKENDS)[number];

export interface BackendOptions {
  /** Backend to use; default: $SAMCHECK_BACKEND, else 'wasm'. */
  backend?: string;
}

/** Which backend an option or SAMCHECK_BACKEND asks for (validated, not yet loaded). */
export function requestedBackend(options: BackendOptions = {}): BackendName {
  const fromEnv = process.env.SAMCHECK_BACKEND;
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

/** Hooks run after a backend is set (the wasm fix layer registers itself here). */
const afterSet = new Map<BackendName, () => void>();
export function onBackendSet(name: BackendName, hook: () => void): void {
  afterSet.set(name, hook);
}

/** Selects, initializes and returns the backend. Idempotent. */
export async function useBackend(options: BackendOptions = {}): Promise<BackendName> {
  const name = requestedBackend(options);
  tf.enableProdMode();
  if (name === 'tensorflow') await loadTensorflowBinding();
  const ok = await tf.setBackend(name);
  if (!ok) throw new BackendError('BACKEND_UNAVAILABLE', 'backend', name, 'tfjs could not initialize this backend');
  await tf.ready();
  afterSet.get(name)?.();
  return name;
}
