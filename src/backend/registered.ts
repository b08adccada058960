/**
 * Backends a browser application registers itself: tfjs's backend packages register on import,
 * and a bundler includes only what the application imports, so samcheck checks for the
 * registration and names the missing import instead of importing the package itself.
 */
import { tf } from '../tf.js';
import { BackendError } from '../errors.js';
import { importOptional, inBrowser } from './environment.js';

/**
 * In a browser: makes sure the page imported a tfjs backend package (bundlers only include what the
 * application imports), else says which import is missing.
 */
export async function requireRegisteredBackend(name: 'webgl' | 'webgpu', pkg: string, precondition?: string): Promise<void> {
  if (tf.findBackendFactory(name)) return;
  if (precondition !== undefined) throw new BackendError('BACKEND_UNAVAILABLE', 'backend', name, precondition);
  try {
    await importOptional(pkg);
  } catch {
    // A browser cannot resolve a bare package name at run time; the bundle has to contain it.
  }
  if (!tf.findBackendFactory(name)) {
    throw new BackendError('BACKEND_UNAVAILABLE', 'backend', name, `tfjs backend '${name}' is not registered: add \`import '${pkg}';\` to your application before useBackend`);
  }
}

/** Makes backend 'webgl' available: browsers only (tfjs-backend-webgl needs a WebGL context, which Node lacks). */
export function loadWebglBackend(): Promise<void> {
  if (!inBrowser()) {
    return Promise.reject(new BackendError('BACKEND_UNAVAILABLE', 'backend', 'webgl', 'WebGL needs a browser (Node has no WebGL context); in Node use wasm, cpu or webgpu'));
  }
  return requireRegisteredBackend('webgl', '@tensorflow/tfjs-backend-webgl');
}
