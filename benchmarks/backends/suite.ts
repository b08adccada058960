/**
 * Backend benchmark (issue 8): a SAM step and a forward+backward pass of the MLP 784-256-256-10,
 * batch 128, on stock tfjs wasm and on wasm with samcheck's fix layer, timed side by side in
 * interleaved rounds (ratios per round). Target: stock / fixed ≥ 5 for the SAM step.
 */
import { tf } from '../../src/tf.js';
import { setBackendFixes, useBackend } from '../../src/backend/index.js';
import type { Metric, Suite, Table } from '../../src/report/types.js';
import { estimate, interleavedTimes, perRound, type Estimate, type TimedTask } from '../common/timing.js';
import { forwardBackwardOf, mlpProblem, mlpSetup, samStepOf } from './mlp.js';

export const SPEEDUP_TARGET = 5;
const WIDTHS = [784, 256, 256, 10];
const BATCH = 128;

const fmt = (e: Estimate, digits = 1) => `${e.value.toFixed(digits)} ± ${e.noise.toFixed(digits)}`;

export interface BackendBenchResult {
  times: Map<string, number[]>;
  samSpeedup: Estimate;
  forwardBackwardSpeedup: Estimate;
}

export async function measureWasmFix(seed: number, rounds: number, iterations: number, onRound?: (f: number) => void): Promise<BackendBenchResult> {
  await useBackend({ backend: 'wasm' });
  // 'tfjs' layout (x·W, like tfjs-layers Dense): stock wasm is right on it, only slow.
  const problem = mlpProblem(WIDTHS, BATCH, 'tfjs', seed);
  const tensors = mlpSetup(problem);
  const timed = (label: string, fixes: boolean, body: () => tf.Tensor[]): TimedTask => ({
    label,
    run: () => {
      setBackendFixes(fixes);
      const out = tf.tidy(body);
      out[0]!.dataSync(); // wait for the work, not just its scheduling
      tf.dispose(out);
    },
  });
  const sam = () => samStepOf(problem, tensors, 0.05, 0.1);
  const fb = () => forwardBackwardOf(problem, tensors);
  const tasks = [
    timed('SAM step, stock wasm', false, sam),
    timed('SAM step, fixed wasm', true, sam),
    timed('forward+backward, stock wasm', false, fb),
    timed('forward+backward, fixed wasm', true, fb),
  ];
  try {
    const times = await interleavedTimes(tasks, { rounds, iterations, onRound });
    return {
      times,
      samSpeedup: perRound(times, (t) => t('SAM step, stock wasm') / t('SAM step, fixed wasm')),
      forwardBackwardSpeedup: perRound(times, (t) => t('forward+backward, stock wasm') / t('forward+backward, fixed wasm')),
    };
  } finally {
    setBackendFixes(true);
    tf.dispose([tensors.x, tensors.y, ...tensors.params]);
  }
}

export function resultTable(r: BackendBenchResult): Table {
  const rows: Table['rows'] = [...r.times].map(([label, xs]) => [label, fmt(estimate(xs))]);
  rows.push(['SAM step: stock / fixed', fmt(r.samSpeedup, 2)], ['forward+backward: stock / fixed', fmt(r.forwardBackwardSpeedup, 2)]);
  return {
    title: `wasm fix layer: MLP ${WIDTHS.join('-')}, batch ${BATCH} (median ms ± robust σ over rounds)`,
    columns: ['task', 'value'],
    rows,
    caption: `Ratios are computed within each interleaved round. Target: SAM step stock / fixed ≥ ${SPEEDUP_TARGET}.`,
  };
}

export const backendSuite: Suite = {
  name: 'backends',
  title: 'Backend fix layer: wasm speed-up',
  async run(ctx) {
    const r = await measureWasmFix(ctx.seed, ctx.quick ? 3 : 7, ctx.quick ? 2 : 5, (f) => ctx.progress(f, 'wasm stock vs fixed'));
    const metrics: Metric[] = [...r.times].map(([label, xs]) => {
      const e = estimate(xs);
      return { name: `backends/wasm/${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/ms`, unit: 'ms', value: e.value, noise: e.noise, smallerIsBetter: true };
    });
    metrics.push({ name: 'backends/wasm/sam-speedup', unit: 'ratio', value: r.samSpeedup.value, noise: r.samSpeedup.noise, smallerIsBetter: false });
    const notes = r.samSpeedup.value >= SPEEDUP_TARGET ? [] : [`SAM-step speed-up ${r.samSpeedup.value.toFixed(2)} missed the target ${SPEEDUP_TARGET}.`];
    return { title: this.title, metrics, tables: [resultTable(r)], figures: [], notes };
  },
};
