/**
 * A float32 tfjs quadratic L(θ) = ½·c·θᵀHθ as a kernel Objective over one tensor 'x', for
 * checking the kernels' actual iterates against the exact edge formulas.
 * TODO(functions library): switch to AnalyticFunction.tfObjective() once src/oracle/functions lands.
 */
import { tf } from '../../tf.js';
import { functionObjective } from '../../kernels/objective.js';
import { createAlgorithm, initState, step, tensorsIn } from '../../kernels/step.js';
import type { AlgorithmConfig } from '../../algorithms/index.js';
import type { Objective } from '../../kernels/types.js';

export function withQuadraticObjective<T>(matrix: number[][], run: (objective: Objective) => T, scale = 1): T {
  const h = tf.tensor2d(matrix.map((row) => row.map((v) => scale * v)));
  try {
    const objective = functionObjective(([x]) => tf.tidy(() => tf.mul(0.5, tf.sum(tf.mul(x, tf.squeeze(tf.matMul(h, tf.reshape(x, [-1, 1]))))))) as tf.Scalar);
    return run(objective);
  } finally {
    h.dispose();
  }
}

/** The kernel's iterates θ_0..θ_steps of `config` on ½·scale·θᵀHθ, as float64 arrays (a skipped step repeats the iterate). */
export function kernelTrajectory(config: AlgorithmConfig, matrix: number[][], theta0: number[], steps: number, scale = 1): number[][] {
  return withQuadraticObjective(
    matrix,
    (objective) => {
      const alg = createAlgorithm(config, { names: ['x'] });
      let params: tf.Tensor[] = [tf.tensor1d(theta0)];
      let state = initState(alg, params);
      const out = [theta0];
      for (let t = 0; t < steps; t++) {
        const r = step(alg, params, objective, state);
        if (r.skipped) {
          // A skipped (non-finite) step returns the inputs: the iterate stays where it was.
          tf.dispose(tensorsIn(r.info).filter((x) => !params.includes(x)));
          out.push(out[out.length - 1]);
          continue;
        }
        tf.dispose([...params, ...tensorsIn(state), ...tensorsIn(r.info)]);
        params = r.params;
        state = r.state;
        out.push(Array.from(params[0].dataSync()));
      }
      tf.dispose([...params, ...tensorsIn(state)]);
      return out;
    },
    scale,
  );
}
