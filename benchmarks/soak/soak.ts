import v8 from 'node:v8';
import vm from 'node:vm';
import { tf, type Scalar, type Variable } from '../../src/tf.js';
import { functionObjective } from '../../src/kernels/objective.js';
import { createAlgorithm, disposeReplaced, initState, step, tensorsIn, type AlgorithmState } from '../../src/kernels/step.js';
import type { Tree } from '../../src/kernels/types.js';
import { SamOptimizer } from '../../src/algorithms/sam/optimizer.js';

/**
 * Soak runs: many SAM steps on a tiny least-squares problem (so each step is cheap), with the
 * tensor count, tensor bytes, JS heap and RSS sampled every few steps. A leak of anything per
 * step shows up as a positive slope of one of these against the step count.
 */

/** SAM with momentum, so the base optimizer carries state tensors across steps too. */
export const SOAK_HYPERPARAMETERS = { learningRate: 0.05, rho: 0.05, momentum: 0.9 } as const;

/** One way of driving SAM steps: `step()` advances by one step and keeps only what the next step needs. */
export interface SoakDriver {
  label: string;
  step(): void;
  dispose(): void;
}

/** Least squares ‖W·x + b − y‖² / n with W: 4×4, b: 4, x: 4×8 (two parameter tensors: a real tree). */
export interface SoakProblem {
  loss(params: Tree): Scalar;
  initial(): Tree;
  dispose(): void;
}

export function soakProblem(seed: number): SoakProblem {
  const x = tf.randomNormal([4, 8], 0, 1, 'float32', seed);
  const y = tf.randomNormal([4, 8], 0, 1, 'float32', seed + 1);
  return {
    loss: ([w, b]) => tf.tidy(() => tf.mean(tf.square(tf.sub(tf.add(tf.matMul(w, x), tf.reshape(b, [4, 1])), y)))),
    initial: () => [tf.randomNormal([4, 4], 0, 0.5, 'float32', seed + 2), tf.zeros([4])],
    dispose: () => tf.dispose([x, y]),
  };
}

/** The pure `step` loop, as a caller of the functional core writes it: free what was replaced. */
export function functionalDriver(problem: SoakProblem): SoakDriver {
  const objective = functionObjective(problem.loss);
  const algorithm = createAlgorithm({ algorithm: 'sam', ...SOAK_HYPERPARAMETERS }, { names: ['w', 'b'] });
  let params = problem.initial();
  let state: AlgorithmState = initState(algorithm, params);
  return {
    label: 'step()',
    step() {
      const r = step(algorithm, params, objective, state);
      const keep = new Set([...r.params, ...tensorsIn(r.state)]);
      for (const t of [...params, ...tensorsIn(r.info)]) if (!keep.has(t) && !t.isDisposed) t.dispose();
      disposeReplaced(state, r.state);
      params = r.params;
      state = r.state;
    },
    dispose() {
      tf.dispose([...params, ...tensorsIn(state)]);
    },
  };
}

/** SamOptimizer.minimize on tf.Variables, as a tfjs user writes a training loop. */
export function optimizerDriver(problem: SoakProblem): SoakDriver {
  const variables = problem.initial().map((t) => {
    const v = tf.variable(t);
    t.dispose();
    return v;
  }) as Variable[];
  const optimizer = new SamOptimizer(SOAK_HYPERPARAMETERS);
  return {
    label: 'SamOptimizer.minimize',
    step: () => void optimizer.minimize(() => problem.loss(variables), false, variables),
    dispose() {
      optimizer.dispose();
      tf.dispose(variables);
    },
  };
}

export interface SoakSample {
  step: number;
  numTensors: number;
  numBytes: number;
  heapUsed: number;
  rss: number;
}

/**
 * A full garbage collection before each heap/RSS sample: without it heapUsed is a saw-tooth of
 * young-generation garbage (megabytes), which would hide a leak of bytes per step. The flag is
 * set at run time (no --expose-gc needed); `gc` is then visible in a fresh context.
 */
let collect: (() => void) | undefined;
export function fullGc(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}

export interface SoakRunOptions {
  steps: number;
  /** Sample every this many steps. */
  every: number;
  onProgress?(fraction: number): void;
}

export interface SoakRun {
  samples: SoakSample[];
  /** Wall time of the run without the sampling (ms per step). */
  msPerStep: number;
}

/** Runs `steps` steps of a driver, sampling after every `every` steps (the first sample after step `every`). */
export function runSoak(driver: SoakDriver, options: SoakRunOptions): SoakRun {
  const samples: SoakSample[] = [];
  let stepping = 0;
  for (let done = 0; done < options.steps; ) {
    const chunk = Math.min(options.every, options.steps - done);
    const started = performance.now();
    for (let i = 0; i < chunk; i++) driver.step();
    stepping += performance.now() - started;
    done += chunk;
    fullGc();
    const memory = tf.memory();
    const usage = process.memoryUsage();
    samples.push({ step: done, numTensors: memory.numTensors, numBytes: memory.numBytes, heapUsed: usage.heapUsed, rss: usage.rss });
    options.onProgress?.(done / options.steps);
  }
  return { samples, msPerStep: stepping / options.steps };
}
