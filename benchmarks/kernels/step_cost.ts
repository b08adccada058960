import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { createRandom, normalArray } from '../../src/data/random.js';
import { initState, step, tensorsIn, type AlgorithmState } from '../../src/kernels/step.js';
import type { Tree } from '../../src/kernels/tree.js';
import { build, registeredVariants, type Variant } from '../common/algorithms.js';
import { classifierObjective, disposeBatch, toBatch } from '../common/classifier_objective.js';
import { initParams, type Model } from '../common/models.js';
import { interleavedTimes, type RoundTimes, type TimedTask } from '../common/timing.js';

export const FORWARD_BACKWARD = 'forward+backward';
/** XSAM probes once per epoch; its two step kinds are timed separately and amortized. */
export const XSAM_PROBE_SUFFIX = ' (probe step)';

export interface StepCostCase {
  backend: string;
  model: Model;
  batchSize: number;
  seed: number;
  rounds: number;
  iterations: number;
  batchesPerEpoch: number;
  /** Restrict to these algorithm names (quick runs on slow backends). */
  only?: (name: string) => boolean;
  /** The clock (default: process CPU time; benchmarks/browser passes wall time, each step ending in a device read). */
  now?: () => number;
}

export interface StepCostResult {
  times: RoundTimes;
  variants: Variant[];
  /** Gradient evaluations per step, by label. */
  passes: Map<string, number>;
  notes: string[];
}

/** Builds a task that runs one pure step from a fixed point and frees everything it made. */
function stepTask(label: string, variant: Variant, model: Model, params: Tree, objective: ReturnType<typeof classifierObjective>, iteration: number): { task: TimedTask; passes: number; dispose(): void } {
  const algorithm = build(variant, model.names);
  const state: AlgorithmState = { ...initState(algorithm, params), iteration };
  return {
    passes: algorithm.gradientEvaluations,
    task: {
      label,
      run() {
        const out = step(algorithm, params, objective, state);
        // Read one value so asynchronous backends finish the step inside the timing.
        out.info.loss.dataSync();
        tf.dispose([...out.params, ...tensorsIn(out.state), ...tensorsIn(out.info)]);
      },
    },
    dispose: () => tf.dispose(tensorsIn(state)),
  };
}

/** Times a forward+backward pass and one step of every registered algorithm on one model and backend. */
export async function measureStepCost(c: StepCostCase, onProgress: (f: number) => void): Promise<StepCostResult> {
  await useBackend({ backend: c.backend });
  const random = createRandom(c.seed);
  const features = c.model.inputShape.reduce((p, d) => p * d, 1);
  const data = { x: normalArray(random, c.batchSize * features), y: Int32Array.from({ length: c.batchSize }, () => random.integer(10)), n: c.batchSize, shape: c.model.inputShape, classes: 10 };
  const batch = toBatch(data, c.model.inputShape);
  const params = initParams(c.model, c.seed);
  const objective = classifierObjective(c.model, batch);
  const { variants, notes } = registeredVariants({ learningRate: 0.01, batchSize: c.batchSize, batchesPerEpoch: c.batchesPerEpoch }, c.model.names, c.only);
  const built = variants.flatMap((v) => {
    // XSAM: iteration 1 is an ordinary step, iteration 0 re-chooses α (a probe).
    const probe = v.algorithm === 'xsam' ? [stepTask(v.label + XSAM_PROBE_SUFFIX, v, c.model, params, objective, 0)] : [];
    return [stepTask(v.label, v, c.model, params, objective, v.algorithm === 'xsam' ? 1 : 0), ...probe];
  });
  const fb: TimedTask = {
    label: FORWARD_BACKWARD,
    run() {
      tf.tidy(() => objective.valueAndGrad(params, { kind: 'clean', index: 0 }).value.dataSync());
    },
  };
  const before = tf.memory().numTensors;
  const times = await interleavedTimes([fb, ...built.map((b) => b.task)], { rounds: c.rounds, iterations: c.iterations, onRound: onProgress, ...(c.now ? { now: c.now } : {}) });
  const leaked = tf.memory().numTensors - before;
  if (leaked !== 0) notes.push(`${c.backend} ${c.model.name}: ${leaked} tensors leaked during timing`);
  built.forEach((b) => b.dispose());
  tf.dispose(params);
  disposeBatch(batch);
  return { times, variants, passes: new Map(built.map((b) => [b.task.label, b.passes])), notes };
}
