/**
 * tfjs-backend-webgpu 4.22's AddN binds every input as a storage buffer of one compute shader.
 * A device allows maxStorageBuffersPerShaderStage of them (8 by default; tfjs does not ask for
 * more), one of which is the output, so an addN of 8 or more tensors fails pipeline validation
 * and returns whatever the pooled output buffer held — silently (reports/findings/). samcheck's
 * global norm is an addN over every parameter tensor: a model with ≥ 8 of them (4 dense layers)
 * got a wrong ‖g‖ on webgpu. tfjs's own Concat splits its inputs the same way this fix does.
 */
import { tf } from '../tf.js';

type KernelConfig = ReturnType<typeof tf.getKernel>;
type KernelArgs = Parameters<tf.KernelFunc>[0];
type TensorInfo = tf.TensorInfo;
interface WebgpuBackend {
  device: { limits: { maxStorageBuffersPerShaderStage: number } };
  disposeData(dataId: object): boolean;
}

const KERNEL = 'AddN';
const BACKEND = 'webgpu';
let stock: KernelConfig | undefined;
let fixed: KernelConfig | undefined;

function chunkedAddN(original: KernelConfig): KernelConfig {
  const kernelFunc = (args: KernelArgs): TensorInfo => {
    const backend = args.backend as unknown as WebgpuBackend;
    // AddN's inputs are an array (tfjs passes the tensor list as is).
    const inputs = args.inputs as unknown as TensorInfo[];
    const perShader = backend.device.limits.maxStorageBuffersPerShaderStage - 1;
    if (inputs.length <= perShader) return original.kernelFunc(args) as TensorInfo;
    const partials: TensorInfo[] = [];
    for (let i = 0; i < inputs.length; i += perShader) {
      const chunk = inputs.slice(i, i + perShader);
      partials.push(original.kernelFunc({ ...args, inputs: chunk as unknown as KernelArgs['inputs'] }) as TensorInfo);
    }
    const out = kernelFunc({ ...args, inputs: partials as unknown as KernelArgs['inputs'] });
    for (const t of partials) backend.disposeData(t.dataId);
    return out;
  };
  return { ...original, kernelFunc: kernelFunc as tf.KernelFunc };
}

/** True when samcheck's AddN is the registered webgpu kernel. */
export function webgpuAddNFixInstalled(): boolean {
  return fixed !== undefined && tf.getKernel(KERNEL, BACKEND) === fixed;
}

/** Re-registers the webgpu AddN kernel with chunked inputs; no-op until tfjs-backend-webgpu is loaded. */
export function installWebgpuAddNFix(): void {
  const current = tf.getKernel(KERNEL, BACKEND);
  if (current === undefined || current === fixed) return;
  stock = current;
  fixed = chunkedAddN(current);
  tf.unregisterKernel(KERNEL, BACKEND);
  tf.registerKernel(fixed);
}

/** Back to tfjs's AddN. */
export function removeWebgpuAddNFix(): void {
  if (!webgpuAddNFixInstalled() || stock === undefined) return;
  tf.unregisterKernel(KERNEL, BACKEND);
  tf.registerKernel(stock);
}
