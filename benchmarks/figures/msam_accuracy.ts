import { syntheticClassification } from '../../src/data/synthetic.js';
import { tInterval95 } from '../../src/report/stats.js';
import { mlp } from '../common/models.js';
import type { Variant } from '../common/algorithms.js';
import { train } from '../training/train.js';

export interface MSweep {
  m: number[];
  accuracy: number[];
  halfWidth: number[];
  sgd: { accuracy: number; halfWidth: number };
}

/** Test accuracy of m-SAM over micro-batch sizes m (batch 64, so m = 64 is SAM), on the noisy synthetic task. */
export function mSweep(o: { seed: number; ms: number[]; seeds: number[]; epochs: number; train: number; onProgress?(f: number): void }): MSweep {
  const split = syntheticClassification({ seed: o.seed, train: o.train, test: 2048 });
  const model = mlp([20, 64, 64, 4]);
  const base = { learningRate: 0.05, momentum: 0.9 };
  const runs = (variant: Variant) =>
    tInterval95(o.seeds.map((seed) => 100 * train({ split, model, variant, epochs: o.epochs, batchSize: 64, seed, hessianExamples: 64, hessianIterations: 1 }).testAccuracy));
  const accuracy: number[] = [];
  const halfWidth: number[] = [];
  const total = o.ms.length + 1;
  o.ms.forEach((m, i) => {
    const r = runs({ label: `m-SAM m=${m}`, algorithm: 'm-sam', config: { algorithm: 'm-sam', m, rho: 0.05, ...base } as never });
    accuracy.push(r.mean);
    halfWidth.push(r.halfWidth);
    o.onProgress?.((i + 1) / total);
  });
  const sgd = runs({ label: 'SGD', algorithm: 'sgd', config: { algorithm: 'sgd', ...base } });
  return { m: o.ms, accuracy, halfWidth, sgd: { accuracy: sgd.mean, halfWidth: sgd.halfWidth } };
}
