import { tf, type Scalar } from '../../src/tf.js';
import { NonFiniteError } from '../../src/errors.js';
import { createRandom } from '../../src/data/random.js';
import { functionObjective } from '../../src/kernels/objective.js';
import { initState, step, tensorsIn } from '../../src/kernels/step.js';
import { build, type Variant } from '../common/algorithms.js';
import type { Problem } from './problems.js';
import type { Tree } from '../../src/kernels/tree.js';

export interface RunOutcome {
  /** Gradient evaluations until value − f* ≤ target (Infinity if the budget ran out or it diverged). */
  evaluations: number;
  finalGap: number;
  diverged: boolean;
}

/** Runs one algorithm at one learning rate from the problem's start, counting gradient evaluations. */
export function evaluationsToTarget(problem: Problem, variant: Variant, learningRate: number, budget: number): RunOutcome {
  const algorithm = build({ ...variant, config: { ...variant.config, learningRate } }, ['theta']);
  const dim = problem.start.length;
  const noise = createRandom(problem.noiseSeed);
  let params: Tree = [tf.tensor1d(problem.start)];
  let state = initState(algorithm, params);
  let evaluations = 0;
  let gap = problem.value(problem.start) - problem.fStar;
  const limit = 1e6 * Math.max(1, Math.abs(gap));
  try {
    while (evaluations < budget && gap > problem.target) {
      const xi = problem.noise > 0 ? tf.tensor1d(Array.from({ length: dim }, () => noise.normal() * problem.noise)) : null;
      const objective = functionObjective((p) => (xi ? (tf.add(problem.loss(p[0]), tf.sum(tf.mul(xi, p[0]))) as Scalar) : problem.loss(p[0])));
      const out = step(algorithm, params, objective, state);
      xi?.dispose();
      tf.dispose([...params, ...tensorsIn(state), ...tensorsIn(out.info)]);
      params = out.params;
      state = out.state;
      evaluations += algorithm.gradientEvaluations;
      gap = problem.value(params[0].dataSync()) - problem.fStar;
      if (!Number.isFinite(gap) || gap > limit) return { evaluations: Infinity, finalGap: gap, diverged: true };
    }
  } catch (err) {
    if (!(err instanceof NonFiniteError)) throw err;
    return { evaluations: Infinity, finalGap: NaN, diverged: true };
  } finally {
    tf.dispose([...params, ...tensorsIn(state)]);
  }
  return { evaluations: gap <= problem.target ? evaluations : Infinity, finalGap: gap, diverged: false };
}
