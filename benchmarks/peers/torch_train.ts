import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tf } from '../../src/tf.js';
import type { Split } from '../../src/data/dataset.js';
import type { Variant } from '../common/algorithms.js';
import { initParams, type Model } from '../common/models.js';
import { epochOrder } from '../training/train.js';
import { runPeerScript } from './torch_peer.js';

export interface TorchTrainingRun {
  label: string;
  seed: number;
  testAccuracy: number;
  testLoss: number;
  /** Process CPU seconds of each epoch's optimizer steps. */
  epochCpuSeconds: number[];
}

export interface TorchTrainingResult {
  torch: string;
  threads: number;
  runs: TorchTrainingRun[];
}

export interface TorchTrainingOptions {
  split: Split;
  /** An MLP from benchmarks/common/models.ts (the peer builds the same network). */
  model: Model;
  /** SGD and SAM only: the davda54-style wrapper implements those two. */
  variants: Variant[];
  seeds: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  momentum: number;
  schedule: 'constant' | 'cosine';
  timeoutMs: number;
}

/** [input, hidden…, classes] of an `mlp(...)` model, or undefined for any other model. */
export function mlpSizes(model: Model): number[] | undefined {
  const dense = model.names.every((n, i) => n === `dense_${i >> 1}/${i % 2 ? 'bias' : 'kernel'}`);
  if (!dense || model.shapes.length % 2) return undefined;
  return [model.shapes[0][0], ...model.shapes.filter((_, i) => i % 2 === 0).map((s) => s[1])];
}

const bytes = (a: Float32Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * Trains the same task in PyTorch (benchmarks/peers/torch_train.py): the data, each seed's initial
 * parameters (samcheck's initParams) and each epoch's data order (samcheck's epochOrder) are
 * written to a temp directory, so the two frameworks differ only in their arithmetic.
 */
export async function runTorchTraining(o: TorchTrainingOptions): Promise<TorchTrainingResult | { skipped: string }> {
  const sizes = mlpSizes(o.model);
  if (!sizes) return { skipped: `${o.model.name} is not an MLP; the PyTorch peer builds MLPs only` };
  const unsupported = o.variants.find((v) => v.algorithm !== 'sgd' && v.algorithm !== 'sam');
  if (unsupported) return { skipped: `${unsupported.label}: the davda54-style peer implements SGD and SAM only` };
  const dir = mkdtempSync(join(tmpdir(), 'samcheck-torch-train-'));
  try {
    writeFileSync(join(dir, 'x_train.f32'), bytes(o.split.train.x));
    writeFileSync(join(dir, 'y_train.i32'), bytes(o.split.train.y));
    writeFileSync(join(dir, 'x_test.f32'), bytes(o.split.test.x));
    writeFileSync(join(dir, 'y_test.i32'), bytes(o.split.test.y));
    for (const seed of o.seeds) {
      const params = initParams(o.model, seed);
      const flat = new Float32Array(params.reduce((s, p) => s + p.size, 0));
      let offset = 0;
      for (const p of params) {
        flat.set(p.dataSync() as Float32Array, offset);
        offset += p.size;
      }
      tf.dispose(params);
      writeFileSync(join(dir, `init_${seed}.f32`), bytes(flat));
      const order = new Int32Array(o.epochs * o.split.train.n);
      for (let e = 0; e < o.epochs; e++) order.set(epochOrder(o.split.train.n, seed, e), e * o.split.train.n);
      writeFileSync(join(dir, `order_${seed}.i32`), bytes(order));
    }
    const runs = o.variants.flatMap((v) => o.seeds.map((seed) => ({ label: v.label, algorithm: v.algorithm, rho: (v.config as { rho?: number }).rho ?? 0, seed })));
    const config = { sizes, batchSize: o.batchSize, epochs: o.epochs, learningRate: o.learningRate, momentum: o.momentum, schedule: o.schedule, threads: 1, runs };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    return await runPeerScript<TorchTrainingResult>('torch_train.py', [dir], o.timeoutMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
