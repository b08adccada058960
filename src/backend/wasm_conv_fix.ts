/**
 * tfjs-backend-wasm 4.22 has no `Conv2DBackpropFilter` kernel, so the gradient of `tf.conv2d`
 * with respect to its filter throws there ("kernel not registered"): no CNN trains on wasm.
 * It does have `Conv3DBackpropFilterV2`. A 2-D convolution is a 3-D one with depth 1 (input
 * depth 1, filter depth 1, depth stride 1, no depth padding), so the filter gradient of the 2-D
 * case is the 3-D kernel's on the same buffers viewed with a depth axis of 1. The 3-D kernel
 * understands only 'same'/'valid' padding and is wrong at strides > 1; any other padding (a number,
 * explicit pads, a rounding mode) is made explicit: the input is padded (PadV2) and cut (Slice) to
 * exactly the extent the output covers, then run as 'valid'; strides > 1 become stride 1 on a
 * dilated dy. Proven against cpu by properties/backends/conv.test.ts.
 */
import { tf } from '../tf.js';

type KernelArgs = Parameters<tf.KernelFunc>[0];
type TensorInfo = tf.TensorInfo;
interface DisposingBackend {
  disposeData(dataId: object): boolean;
}
interface FilterGradAttrs {
  strides: number | [number, number];
  pad: 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

const KERNEL = 'Conv2DBackpropFilter';
const BACKEND = 'wasm';

/** A view of `t` with a depth axis of 1 after the batch axis (same buffer). */
const withDepth = (t: TensorInfo): TensorInfo => ({ ...t, shape: [t.shape[0]!, 1, ...t.shape.slice(1)] });

type Run = (name: string, x: TensorInfo, attrs: object) => TensorInfo;

/**
 * The input padded and cut to rows [−top, (outH − 1)·strideH + filterH − top) (same for columns):
 * exactly what the forward convolution read, so a 'valid' convolution over it has dy's extent.
 */
function explicitlyPadded(x: TensorInfo, info: tf.backend_util.Conv2DInfo, run: Run): TensorInfo {
  const needH = (info.outHeight - 1) * info.strideHeight + info.filterHeight;
  const needW = (info.outWidth - 1) * info.strideWidth + info.filterWidth;
  const { top, left } = info.padInfo;
  const bottom = needH - info.inHeight - top;
  const right = needW - info.inWidth - left;
  const padded = run('PadV2', x, { paddings: [[0, 0], [top, Math.max(0, bottom)], [left, Math.max(0, right)], [0, 0]], constantValue: 0 });
  if (bottom >= 0 && right >= 0) return padded;
  return run('Slice', padded, { begin: [0, 0, 0, 0], size: [info.batchSize, needH, needW, info.inChannels] });
}

/**
 * dy with (stride − 1) zeros between its rows and columns: the filter gradient of a strided
 * convolution is the stride-1 one of the padded input with the dilated dy.
 */
function dilated(dy: TensorInfo, info: tf.backend_util.Conv2DInfo, run: Run): TensorInfo {
  const [n, h, w, k] = dy.shape as [number, number, number, number];
  const [sh, sw] = [info.strideHeight, info.strideWidth];
  const spread = run('PadV2', { ...dy, shape: [n, h, 1, w, 1, k] }, { paddings: [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]], constantValue: 0 });
  return run('Slice', { ...spread, shape: [n, h * sh, w * sw, k] }, { begin: [0, 0, 0, 0], size: [n, (h - 1) * sh + 1, (w - 1) * sw + 1, k] });
}

function conv2dBackpropFilter(args: KernelArgs): TensorInfo {
  const { inputs, backend } = args;
  const a = args.attrs as unknown as FilterGradAttrs;
  if ((a.dataFormat ?? 'NHWC') !== 'NHWC') throw new Error(`samcheck wasm ${KERNEL}: only NHWC is supported, got ${a.dataFormat}`);
  const info = tf.backend_util.computeConv2DInfo(inputs.x!.shape as [number, number, number, number], a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode);
  const temporaries: TensorInfo[] = [];
  const run: Run = (name, x, attrs) => {
    const out = tf.getKernel(name, BACKEND).kernelFunc({ inputs: { x }, backend, attrs: attrs as tf.NamedAttrMap }) as TensorInfo;
    temporaries.push(out);
    return out;
  };
  // The wasm 3-D kernel is right only at stride 1 (with strides > 1 it drops output rows:
  // spec/backends.md), so strided cases go through explicit padding and a dilated dy.
  const strided = info.strideHeight > 1 || info.strideWidth > 1;
  const direct = !strided && (a.pad === 'same' || a.pad === 'valid') && a.dimRoundingMode === undefined;
  const x = direct ? inputs.x! : explicitlyPadded(inputs.x!, info, run);
  const dy = strided ? dilated(inputs.dy!, info, run) : inputs.dy!;
  const out = tf.getKernel('Conv3DBackpropFilterV2', BACKEND).kernelFunc({
    inputs: { x: withDepth(x), dy: withDepth(dy) },
    backend,
    attrs: { strides: [1, 1, 1], pad: direct ? a.pad : 'valid', filterShape: [1, ...a.filterShape] } as unknown as tf.NamedAttrMap,
  }) as TensorInfo;
  temporaries.forEach((t) => (backend as unknown as DisposingBackend).disposeData(t.dataId));
  // [1, fh, fw, in, out] and [fh, fw, in, out] are the same buffer.
  return { ...out, shape: a.filterShape };
}

const config: ReturnType<typeof tf.getKernel> = { kernelName: KERNEL, backendName: BACKEND, kernelFunc: conv2dBackpropFilter as tf.KernelFunc };

export function wasmConvFixInstalled(): boolean {
  return tf.getKernel(KERNEL, BACKEND) === config;
}

/** Registers the wasm Conv2DBackpropFilter kernel unless one is registered already (ours, or a future tfjs's). */
export function installWasmConvFix(): void {
  if (tf.getKernel(KERNEL, BACKEND) !== undefined) return;
  tf.registerKernel(config);
}

/** Back to stock tfjs wasm, which has no such kernel. */
export function removeWasmConvFix(): void {
  if (wasmConvFixInstalled()) tf.unregisterKernel(KERNEL, BACKEND);
}
