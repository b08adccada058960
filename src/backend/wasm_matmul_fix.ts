/**
 * Fix for three tfjs-backend-wasm 4.22 matMul bugs (see spec/backends.md and reports/findings/):
 *  - speed: a matMul with transposeA/transposeB leaves XNNPACK's fast path (30–60× slower);
 *  - correctness: _FusedMatMul with a transpose plus a bias (or relu, sizes ≥ 128) returns wrong values;
 *  - correctness: batched _FusedMatMul (batch > 1) adds the last bias element to every row but
 *    the first of each batch (found by properties/backends).
 * The replacement kernels transpose the operands explicitly with the wasm Transpose kernel, then
 * call the original kernel with transposeA = transposeB = false, which is both right and fast;
 * a batched fused matMul with a bias or prelu weights runs unfused (matMul, Add, activation).
 */
import { tf } from '../tf.js';

type KernelConfig = ReturnType<typeof tf.getKernel>;
type KernelArgs = Parameters<tf.KernelFunc>[0];
type TensorInfo = tf.TensorInfo;
interface DisposingBackend {
  disposeData(dataId: object): boolean;
}

const MATMUL_KERNELS = ['BatchMatMul', '_FusedMatMul'] as const;
const BACKEND = 'wasm';

/** The stock kernels, saved the first time the fix is installed so it can be removed again. */
const stock = new Map<string, KernelConfig>();

function swapLastTwo(info: TensorInfo): number[] {
  const perm = info.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1]!, perm[r - 2]!];
  return perm;
}

const wasmKernel = (name: string) => tf.getKernel(name, BACKEND).kernelFunc;

/** The wasm kernel applying a fused activation on its own (attrs as in _FusedMatMul). */
function activationKernel(activation: string, x: TensorInfo, inputs: Record<string, TensorInfo | undefined>, attrs: Record<string, unknown>, backend: KernelArgs['backend']): TensorInfo {
  const run = (name: string, extraInputs: Record<string, TensorInfo> = {}, kernelAttrs = {}) =>
    wasmKernel(name)({ inputs: { x, ...extraInputs }, backend, attrs: kernelAttrs }) as TensorInfo;
  switch (activation) {
    case 'relu':
      return run('Relu');
    case 'relu6':
      return run('Relu6');
    case 'elu':
      return run('Elu');
    case 'sigmoid':
      return run('Sigmoid');
    case 'leakyrelu':
      return run('LeakyRelu', {}, { alpha: attrs.leakyreluAlpha ?? 0.2 });
    case 'prelu':
      return run('Prelu', { alpha: inputs.preluActivationWeights! });
    default:
      throw new Error(`samcheck wasm fix: unsupported fused activation ${activation}`);
  }
}

/** matMul → Add(bias) → activation as separate wasm kernels, for the batched fused case. */
function unfusedMatMul(args: KernelArgs, dispose: (t: TensorInfo) => void): TensorInfo {
  const { inputs, backend, attrs = {} } = args;
  const a = inputs.a!;
  let out = wasmKernel('BatchMatMul')({ inputs: { a, b: inputs.b! }, backend, attrs: { transposeA: false, transposeB: false } }) as TensorInfo;
  const steps: ((x: TensorInfo) => TensorInfo)[] = [];
  if (inputs.bias) steps.push((x) => wasmKernel('Add')({ inputs: { a: x, b: inputs.bias! }, backend, attrs: {} }) as TensorInfo);
  const activation = (attrs as { activation?: string }).activation ?? 'linear';
  if (activation !== 'linear') steps.push((x) => activationKernel(activation, x, inputs, attrs, backend));
  for (const next of steps) {
    const previous = out;
    out = next(previous);
    dispose(previous);
  }
  return out;
}

/** True for a batched (batch > 1) fused matMul that carries a bias or prelu weights. */
function batchedWithBias(kernelName: string, inputs: KernelArgs['inputs']): boolean {
  if (kernelName !== '_FusedMatMul' || (!inputs.bias && !inputs.preluActivationWeights)) return false;
  const batch = (t: TensorInfo) => t.shape.slice(0, -2).reduce((x, y) => x * y, 1);
  return Math.max(batch(inputs.a!), batch(inputs.b!)) > 1;
}

/** Wraps a matMul-like kernel so it never sees a transpose flag set. */
function explicitTranspose(original: KernelConfig, transpose: KernelConfig): KernelConfig {
  const kernelFunc = (args: KernelArgs): TensorInfo | TensorInfo[] => {
    const { inputs, backend, attrs = {} } = args;
    const { transposeA, transposeB } = attrs as { transposeA?: boolean; transposeB?: boolean };
    const batched = batchedWithBias(original.kernelName, inputs);
    if (!transposeA && !transposeB && !batched) return original.kernelFunc(args);
    const temporaries: TensorInfo[] = [];
    const dispose = (t: TensorInfo) => (backend as unknown as DisposingBackend).disposeData(t.dataId);
    const transposed = (x: TensorInfo, flag: boolean | undefined): TensorInfo => {
      if (!flag) return x;
      const t = transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm: swapLastTwo(x) } }) as TensorInfo;
      temporaries.push(t);
      return t;
    };
    const a = transposed(inputs.a!, transposeA);
    const b = transposed(inputs.b!, transposeB);
    const plainArgs = { inputs: { ...inputs, a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } };
    const out = batched ? unfusedMatMul(plainArgs, dispose) : original.kernelFunc(plainArgs);
    temporaries.forEach(dispose);
    return out;
  };
  return { ...original, kernelFunc };
}

/** True when the wasm matMul kernels currently registered are samcheck's replacements. */
export function wasmMatMulFixInstalled(): boolean {
  return stock.size > 0 && MATMUL_KERNELS.every((k) => tf.getKernel(k, BACKEND) !== stock.get(k));
}

/** Re-registers the wasm BatchMatMul/_FusedMatMul kernels with explicit transposes. Idempotent. */
export function installWasmMatMulFix(): void {
  if (wasmMatMulFixInstalled()) return;
  const transpose = tf.getKernel('Transpose', BACKEND);
  for (const name of MATMUL_KERNELS) {
    const original = stock.get(name) ?? tf.getKernel(name, BACKEND);
    stock.set(name, original);
    tf.unregisterKernel(name, BACKEND);
    tf.registerKernel(explicitTranspose(original, transpose));
  }
}

/** Puts the stock tfjs wasm matMul kernels back (used to compare against, and by `fixes: false`). */
export function removeWasmMatMulFix(): void {
  if (!wasmMatMulFixInstalled()) return;
  for (const name of MATMUL_KERNELS) {
    tf.unregisterKernel(name, BACKEND);
    tf.registerKernel(stock.get(name)!);
  }
}
