import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SamcheckError } from '../errors.js';
import type { Dataset, Split } from './dataset.js';

/** An idx array (LeCun's MNIST format): unsigned bytes only, which is all (Fashion-)MNIST uses. */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

const UBYTE = 0x08;

/** Parses an idx file's bytes (gzip-compressed or not). */
export function parseIdx(bytes: Uint8Array): IdxArray {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? new Uint8Array(gunzipSync(bytes)) : bytes;
  if (raw.length < 4 || raw[0] !== 0 || raw[1] !== 0) throw new SamcheckError('PROTOCOL', 'idx', raw.length, 'not an idx file (bad magic)');
  if (raw[2] !== UBYTE) throw new SamcheckError('PROTOCOL', 'idx.dtype', raw[2], 'only unsigned-byte idx files are supported');
  const ndims = raw[3];
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const header = 4 + 4 * ndims;
  if (raw.length < header) throw new SamcheckError('PROTOCOL', 'idx', raw.length, 'truncated header');
  const dims = Array.from({ length: ndims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const size = dims.reduce((p, d) => p * d, 1);
  if (raw.length - header !== size) {
    throw new SamcheckError('PROTOCOL', 'idx', raw.length - header, `expected ${size} data bytes for dims ${dims.join('×')}`);
  }
  return { dims, data: raw.subarray(header) };
}

/** Writes an unsigned-byte idx file (tests, tiny fixtures). */
export function encodeIdx(dims: number[], data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = UBYTE;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';
const FILES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
};

export interface FashionMnistOptions {
  dir?: string;
  /** First N training examples (default all 60000). */
  train?: number;
  /** First N test examples (default all 10000). */
  test?: number;
}

export function fashionMnistAvailable(dir = FASHION_MNIST_DIR): boolean {
  return Object.values(FILES).every((f) => existsSync(join(dir, f)));
}

/** Images as pixels/255 in [0, 1], shape [28, 28, 1]; labels 0..9. */
export function loadFashionMnist(options: FashionMnistOptions = {}): Split {
  const dir = options.dir ?? FASHION_MNIST_DIR;
  if (!fashionMnistAvailable(dir)) {
    throw new SamcheckError('BACKEND_UNAVAILABLE', 'dir', dir, 'Fashion-MNIST idx files not found (apt-get install dataset-fashion-mnist)');
  }
  const read = (f: string) => parseIdx(readFileSync(join(dir, f)));
  const load = (images: string, labels: string, limit: number | undefined): Dataset => {
    const img = read(images);
    const lab = read(labels);
    if (img.dims[0] !== lab.dims[0]) throw new SamcheckError('PROTOCOL', labels, lab.dims[0], `expected ${img.dims[0]} labels`);
    const n = Math.min(limit ?? img.dims[0], img.dims[0]);
    const [, h, w] = img.dims;
    const x = new Float32Array(n * h * w);
    for (let i = 0; i < x.length; i++) x[i] = img.data[i] / 255;
    return { x, y: Int32Array.from(lab.data.subarray(0, n)), n, shape: [h, w, 1], classes: 10 };
  };
  const train = load(FILES.trainImages, FILES.trainLabels, options.train);
  const test = load(FILES.testImages, FILES.testLabels, options.test);
  return { name: 'fashion-mnist', train, test, description: `Fashion-MNIST (${dir}): first ${train.n} train / ${test.n} test examples` };
}
