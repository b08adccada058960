import { tf } from '../../src/tf.js';
import { syntheticClassification } from '../../src/data/synthetic.js';
import { rows } from '../../src/data/dataset.js';
import { createAlgorithm, initState, step, tensorsIn } from '../../src/kernels/step.js';
import { add, dot, globalNorm, scale, type Tree } from '../../src/kernels/tree.js';
import type { Objective } from '../../src/kernels/types.js';
import { mean } from '../../src/report/stats.js';
import { classifierObjective, disposeBatch, toBatch } from '../common/classifier_objective.js';
import { initParams, mlp } from '../common/models.js';

/**
 * Reference maximizer of L(θ + δ) over ‖δ‖ ≤ ρ: projected normalized gradient ascent with a
 * decaying step, started at SAM's δ (so it is never worse than SAM). 200 iterations.
 */
export function referenceMaximizer(objective: Objective, params: Tree, start: Tree, rho: number, iterations = 200): Tree {
  let delta = start.map((d) => tf.clone(d));
  for (let i = 0; i < iterations; i++) {
    const next = tf.tidy(() => {
      const g = objective.valueAndGrad(add(params, delta), { kind: 'ascent', index: i }).grads;
      const stepSize = (0.5 * rho) / Math.sqrt(i + 1);
      const moved = add(delta, scale(g, tf.div(stepSize, tf.add(globalNorm(g), 1e-12)) as tf.Scalar));
      const n = globalNorm(moved).dataSync()[0];
      return n > rho ? scale(moved, rho / n) : moved;
    });
    tf.dispose(delta);
    delta = next;
  }
  return delta;
}

export interface CosineCurve {
  steps: number[];
  cosine: number[];
}

/** Mean cosine between multi-step SAM's perturbation δ_k and the reference maximizer, over several batches. */
export function ascentCosines(o: { seed: number; rho: number; steps: number[]; batches: number; warmupSteps: number }): CosineCurve {
  const split = syntheticClassification({ seed: o.seed, train: 64 * o.batches, test: 1 });
  const model = mlp([20, 64, 64, 4]);
  const sums = o.steps.map(() => [] as number[]);
  for (let b = 0; b < o.batches; b++) {
    const batch = toBatch(rows(split.train, b * 64, (b + 1) * 64), model.inputShape);
    const objective = classifierObjective(model, batch);
    // A point partway through training, where the loss is far from linear at radius ρ.
    const sgd = createAlgorithm({ algorithm: 'sgd', learningRate: 0.1 }, { names: model.names });
    let params = initParams(model, o.seed + b);
    let st = initState(sgd, params);
    for (let t = 0; t < o.warmupSteps; t++) {
      const out = step(sgd, params, objective, st);
      tf.dispose([...params, ...tensorsIn(out.info)]);
      params = out.params;
      st = out.state;
    }
    const perturbation = (k: number): Tree => {
      const alg = createAlgorithm(k === 1 ? { algorithm: 'sam', learningRate: 0, rho: o.rho } : ({ algorithm: 'multistep-sam', learningRate: 0, rho: o.rho, steps: k } as never), { names: model.names });
      const out = step(alg, params, objective, initState(alg, params), { record: true });
      const delta = out.info.perturbation!;
      tf.dispose([...out.params, ...tensorsIn(out.state), ...tensorsIn({ ...out.info, perturbation: [] })]);
      return delta;
    };
    const sam = perturbation(1);
    const reference = referenceMaximizer(objective, params, sam, o.rho);
    tf.dispose(sam);
    o.steps.forEach((k, i) => {
      const d = perturbation(k);
      sums[i].push(tf.tidy(() => dot(d, reference).dataSync()[0] / (globalNorm(d).dataSync()[0] * globalNorm(reference).dataSync()[0])));
      tf.dispose(d);
    });
    tf.dispose([...reference, ...params]);
    disposeBatch(batch);
  }
  return { steps: o.steps, cosine: sums.map(mean) };
}
