/**
 * What every samcheck page shares: backend selection (through useBackend, so the fix layer is
 * applied as for a user), the description of the renderer the numbers came from, and the
 * `globalThis.samcheckPage` object the Node side calls (browser/chromium.ts).
 */
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { syncReadUnavailable } from '../../src/backend/webgpu_sync_read.js';

/** What the Node side gets back from one property run (fast-check's verdict, as plain data). */
export interface PropertyOutcome {
  failed: boolean;
  /** fast-check's report: counterexample, seed and path for replay. */
  message?: string;
  numRuns: number;
  numSkips: number;
  ms: number;
  /** tf.memory().numTensors after − before (0: nothing left allocated). */
  tensorsLeaked: number;
}

/** Which tfjs and which device: recorded with every finding and benchmark row. */
export interface RendererInfo {
  tfjs: string;
  backend: string;
  userAgent: string;
  /** WebGL: the unmasked renderer string; WebGPU: the adapter's vendor/architecture/description. */
  renderer: string;
  /** SwiftShader (a CPU rasterizer): speed numbers are ratios only, never GPU speed. */
  software: boolean;
  /** Why synchronous reads (and so SAM steps) are refused on this backend, or null (src/backend/webgpu_sync_read.ts). */
  syncReadRefusal: string | null;
  flags: Record<string, unknown>;
}

/**
 * tfjs's CPU shortcut: by default webgl and webgpu run an op on the CPU backend when every input
 * is small and still on the CPU (under 128 / 1000 elements), so a property on small tensors would
 * test the cpu kernels again. The property pages turn it off (the shader paths); the training and
 * benchmark pages keep tfjs's default (what users run).
 */
const CPU_HANDOFF_FLAG: Record<string, string> = { webgl: 'WEBGL_CPU_FORWARD', webgpu: 'WEBGPU_CPU_FORWARD' };

const initialized = new Set<string>();

/** Makes `backend` current, initializing it once through useBackend (fix layer applied). */
export async function selectBackend(backend: string, options: { cpuHandOff?: boolean } = {}): Promise<void> {
  if (!initialized.has(backend)) {
    await useBackend({ backend });
    initialized.add(backend);
  } else if (!(await tf.setBackend(backend))) {
    throw new Error(`tf.setBackend(${backend}) failed`);
  }
  const flag = CPU_HANDOFF_FLAG[backend];
  if (flag !== undefined) tf.env().set(flag, options.cpuHandOff ?? false);
}

/** The page's navigator (typed here: the project compiles without the DOM library). */
const browserNavigator = (globalThis as unknown as { navigator: { userAgent: string; gpu?: { requestAdapter(): Promise<{ info?: Record<string, string> } | null> } } }).navigator;

interface WebGl {
  getExtension(name: string): { UNMASKED_RENDERER_WEBGL: number } | null;
  getParameter(p: number): unknown;
  RENDERER: number;
}

async function webgpuAdapter(): Promise<string> {
  const gpu = browserNavigator.gpu;
  const adapter = await gpu?.requestAdapter();
  const info = adapter?.info ?? {};
  return ['vendor', 'architecture', 'device', 'description'].map((k) => info[k]).filter((v) => v).join(' / ') || 'unknown adapter';
}

function webglRenderer(): string {
  const gl = (tf.backend() as unknown as { gpgpu: { gl: WebGl } }).gpgpu.gl;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

export async function rendererInfo(backend: string, options: { cpuHandOff?: boolean } = {}): Promise<RendererInfo> {
  await selectBackend(backend, options);
  const renderer = backend === 'webgl' ? webglRenderer() : backend === 'webgpu' ? await webgpuAdapter() : 'cpu';
  const flags: Record<string, unknown> = {};
  for (const f of ['WEBGL_VERSION', 'WEBGL_RENDER_FLOAT32_ENABLED', 'WEBGL_PACK', 'WEBGL_CPU_FORWARD', 'WEBGPU_CPU_FORWARD']) {
    try {
      flags[f] = tf.env().get(f);
    } catch {
      // a flag of a backend package this page does not import
    }
  }
  const syncReadRefusal = backend === 'webgpu' ? syncReadUnavailable(tf.backend() as unknown as Parameters<typeof syncReadUnavailable>[0]) : null;
  return { tfjs: tf.version_core, backend, userAgent: browserNavigator.userAgent, renderer, software: /swiftshader|llvmpipe|lavapipe/i.test(renderer), syncReadRefusal, flags };
}

type Methods = Record<string, (arg: never) => Promise<unknown>>;

/** Publishes the page's methods (plus `info`) for browser/chromium.ts to call; `handOff`: keep tfjs's CPU shortcut. */
export function installPage(methods: Methods, handOff = false): void {
  (globalThis as unknown as { samcheckPage: Methods }).samcheckPage = {
    info: (backend: string) => rendererInfo(backend, { cpuHandOff: handOff }),
    ...methods,
  } as Methods;
}
