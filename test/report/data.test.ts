import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeIdx, loadFashionMnist, parseIdx } from '../../src/data/idx.js';
import { syntheticClassification } from '../../src/data/synthetic.js';
import { SamcheckError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'samcheck-idx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('idx reader', () => {
  it('round-trips a generated file, gzipped or not, and reads dims big-endian', () => {
    const data = Uint8Array.from({ length: 2 * 3 * 300 }, (_, i) => (i * 7) % 256);
    const raw = encodeIdx([2, 3, 300], data);
    for (const bytes of [raw, new Uint8Array(gzipSync(raw))]) {
      const parsed = parseIdx(bytes);
      expect(parsed.dims).toEqual([2, 3, 300]);
      expect(Array.from(parsed.data)).toEqual(Array.from(data));
    }
  });

  it('rejects bad magic, other dtypes and truncated data with typed errors', () => {
    const good = encodeIdx([4], Uint8Array.of(1, 2, 3, 4));
    expect(() => parseIdx(Uint8Array.of(1, 0, 8, 1, 0, 0, 0, 0))).toThrow(SamcheckError);
    const float = good.slice();
    float[2] = 0x0d;
    expect(() => parseIdx(float)).toThrow(/unsigned-byte/);
    expect(() => parseIdx(good.subarray(0, good.length - 1))).toThrow(/expected 4 data bytes/);
  });

  it('loads a tiny Fashion-MNIST-shaped directory: pixels/255, labels, subsets', () => {
    const images = (n: number) => encodeIdx([n, 28, 28], Uint8Array.from({ length: n * 784 }, (_, i) => i % 256));
    const labels = (n: number) => encodeIdx([n], Uint8Array.from({ length: n }, (_, i) => i % 10));
    writeFileSync(join(dir, 'train-images-idx3-ubyte.gz'), gzipSync(images(5)));
    writeFileSync(join(dir, 'train-labels-idx1-ubyte.gz'), gzipSync(labels(5)));
    writeFileSync(join(dir, 't10k-images-idx3-ubyte.gz'), gzipSync(images(3)));
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte.gz'), gzipSync(labels(3)));
    const split = loadFashionMnist({ dir, train: 4 });
    expect(split.train.n).toBe(4);
    expect(split.test.n).toBe(3);
    expect(split.train.shape).toEqual([28, 28, 1]);
    expect(split.train.x[255]).toBeCloseTo(1, 6);
    expect(split.train.x[1]).toBeCloseTo(1 / 255, 6);
    expect(Array.from(split.test.y)).toEqual([0, 1, 2]);
  });
});

describe('synthetic classification', () => {
  it('is a pure function of its seed and options', () => {
    const a = syntheticClassification({ seed: 5, train: 64, test: 32 });
    const b = syntheticClassification({ seed: 5, train: 64, test: 32 });
    expect(Array.from(a.train.x)).toEqual(Array.from(b.train.x));
    expect(Array.from(a.train.y)).toEqual(Array.from(b.train.y));
    expect(Array.from(a.test.y)).toEqual(Array.from(b.test.y));
    const c = syntheticClassification({ seed: 6, train: 64, test: 32 });
    expect(Array.from(c.train.x)).not.toEqual(Array.from(a.train.x));
  });

  it('flips about the requested fraction of training labels and none of the test labels', () => {
    const clean = syntheticClassification({ seed: 1, train: 4000, test: 100, labelNoise: 0 });
    const noisy = syntheticClassification({ seed: 1, train: 4000, test: 100, labelNoise: 0.2 });
    // Same inputs (the noise draws come from their own stream), so differing labels are the flips.
    expect(Array.from(noisy.train.x)).toEqual(Array.from(clean.train.x));
    const flipped = clean.train.y.filter((y, i) => y !== noisy.train.y[i]).length / 4000;
    expect(flipped).toBeGreaterThan(0.17);
    expect(flipped).toBeLessThan(0.23);
    expect(Array.from(noisy.test.y)).toEqual(Array.from(clean.test.y));
    for (const y of noisy.train.y) expect(y >= 0 && y < 4).toBe(true);
  });
});
