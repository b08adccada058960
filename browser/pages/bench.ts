/**
 * The benchmark page: the kernel suite's step-cost measurement (benchmarks/kernels/step_cost.ts)
 * run inside the browser on webgl or webgpu, on the wall clock. Every timed step ends with a read
 * of its loss, which waits for the GPU, so a step's time includes its device work.
 */
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { mlp, smallCnn } from '../../benchmarks/common/models.js';
import { measureStepCost } from '../../benchmarks/kernels/step_cost.js';
import type { Variant } from '../../benchmarks/common/algorithms.js';
import { installPage, rendererInfo, type RendererInfo } from './page.js';

export interface BrowserStepCostArgs {
  backend: string;
  model: 'mlp' | 'cnn';
  batchSize: number;
  rounds: number;
  iterations: number;
  seed: number;
  batchesPerEpoch: number;
}

/** StepCostResult as plain data (Maps do not cross into Node). */
export interface BrowserStepCost {
  times: [string, number[]][];
  variants: Variant[];
  passes: [string, number][];
  notes: string[];
  modelName: string;
  renderer: RendererInfo;
}

async function stepCost(a: BrowserStepCostArgs): Promise<BrowserStepCost> {
  const model = a.model === 'mlp' ? mlp([784, 256, 256, 10], [28, 28, 1]) : smallCnn();
  const renderer = await rendererInfo(a.backend, { cpuHandOff: true });
  const r = await measureStepCost({ backend: a.backend, model, batchSize: a.batchSize, seed: a.seed, rounds: a.rounds, iterations: a.iterations, batchesPerEpoch: a.batchesPerEpoch, now: () => performance.now() }, () => {});
  return {
    times: [...r.times],
    variants: r.variants,
    passes: [...r.passes],
    notes: r.notes,
    modelName: model.name,
    renderer,
  };
}

installPage({ stepCost }, true);
