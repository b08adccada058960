/**
 * Deliberately broken variants of the core algorithms (TEST ONLY). Each is a real bug seen in a
 * public SAM implementation or an easy porting slip (spec/properties.md, "Caught"); every core
 * property is run against at least one of them and must FAIL there.
 *
 * A variant is a `Build`: (config, parameter names) → Algorithm, so a property written against
 * `Build` runs unchanged on the real kernels (`correct`) and on a broken one.
 */
import { tf, type Variable } from '../../src/tf.js';
import { SharpnessAwareOptimizer } from '../../src/optimizers/index.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import { adaptiveMask } from '../../src/algorithms/asam/kernel.js';
import { ascentGradient } from '../../src/kernels/estimators.js';
import { asamPerturbation, type PerturbationRule } from '../../src/kernels/perturbation.js';
import { createAlgorithm, type Algorithm } from '../../src/kernels/step.js';
import { add, axpy, globalNorm, scale } from '../../src/kernels/tree.js';
import { nextPass, type GradientEstimator, type Tree } from '../../src/kernels/types.js';

export type Build = (config: AlgorithmConfig, names: string[]) => Algorithm;

export const correct: Build = (config, names) => createAlgorithm(config, { names });

type Resolved = Algorithm['config'] & { rho?: number; epsilon?: number; etaT?: number; adaptive?: 'all' | 'exclude-biases' | boolean[] };

/** The same algorithm with its ascent rule replaced (same radius, same base, same pass structure). */
function withRule(rule: (c: Resolved, names: string[]) => PerturbationRule): Build {
  return (config, names) => {
    const alg = createAlgorithm(config, { names });
    const c = alg.config as Resolved;
    return { ...alg, estimator: ascentGradient(rule(c, names), c.rho ?? 0) };
  };
}

/** δ = ρ·g/(‖g‖² + ε): the squared norm (a typo for the norm). */
export const dividesBySquaredNorm = withRule((c) => (g, _p, rho) => {
  const n = globalNorm(g);
  return scale(g, tf.div(rho, tf.add(tf.square(n), c.epsilon ?? 1e-12)) as tf.Scalar);
});

/** δ = ρ·g/‖g‖: the guard dropped (google-research `dual_vector`, optax `normalize`). */
export const dropsGuard = withRule(() => (g, _p, rho) => scale(g, tf.div(rho, globalNorm(g)) as tf.Scalar));

/** δ_i = ρ·g_i/(‖g_i‖ + ε) per tensor: per-tensor instead of global norms. */
export const perTensorNorm = withRule((c) => (g, _p, rho) => g.map((x) => tf.mul(tf.div(x, tf.add(tf.norm(x), c.epsilon ?? 1e-12)), rho)));

/** USAM written with SAM's normalised rule. */
export const usamNormalised = withRule((c) => (g, _p, rho) => scale(g, tf.div(rho, tf.add(globalNorm(g), c.epsilon ?? 1e-12)) as tf.Scalar));

/** ASAM that ignores the per-tensor flags and scales biases too. */
export const asamScalesBiases = withRule((c, names) => asamPerturbation(c.etaT ?? 0.01, c.epsilon ?? 1e-12, names.map(() => true)));

/** ASAM normalised by ‖g‖ instead of ‖T g‖, so ‖T⁻¹δ‖ ≠ ρ. */
export const asamNormOfGradient = withRule((c, names) => {
  const mask = adaptiveMask(c.adaptive ?? 'all', { names });
  return (g, p, rho) => {
    const t2g = g.map((x, i) => (mask[i] ? tf.mul(tf.square(tf.add(tf.abs(p[i]), c.etaT ?? 0.01)), x) : x));
    return scale(t2g, tf.div(rho, tf.add(globalNorm(g), c.epsilon ?? 1e-12)) as tf.Scalar);
  };
});

/** Replaces the estimator by `make(original)`. */
function withEstimator(make: (original: GradientEstimator) => GradientEstimator): Build {
  return (config, names) => {
    const alg = createAlgorithm(config, { names });
    return { ...alg, estimator: make(alg.estimator) };
  };
}

/** Gradients accumulated across passes (no zero_grad between them, davda54/sam #8): applies g_0 + g_final. */
export const accumulatesGradients = withEstimator((e) => ({
  init: e.init,
  estimate(params, objective, state, ctx) {
    const out = e.estimate(params, objective, state, { ...ctx, record: true });
    return { ...out, grads: add(out.grads, out.info.cleanGradient!) };
  },
}));

/** Every pass labelled 'clean', so stateful layers update on the ascent pass too (davda54/sam #17). */
export const allPassesClean = withEstimator((e) => ({
  init: e.init,
  estimate: (params, objective, state, ctx) =>
    e.estimate(params, { ...objective, valueAndGrad: (p, pass) => objective.valueAndGrad(p, { ...pass, kind: 'clean' }) }, state, ctx),
}));

/** Recomputes the clean loss and gradient once more (e.g. "for logging"): 3 evaluations. */
export const recomputesClean = withEstimator((e) => ({
  init: e.init,
  estimate(params, objective, state, ctx) {
    objective.valueAndGrad(params, nextPass(ctx, 'clean'));
    return e.estimate(params, objective, state, ctx);
  },
}));

/** Reports the loss of the last pass (at θ_0 + δ) instead of the clean pass's. */
export const reportsPerturbedLoss = withEstimator((e) => ({
  init: e.init,
  estimate(params, objective, state, ctx) {
    const out = e.estimate(params, objective, state, { ...ctx, record: true });
    const last = out.info.ascentPoints?.at(-1);
    const loss = last === undefined ? out.info.loss : objective.value(last, nextPass(ctx, 'probe'));
    return { ...out, info: { ...out.info, loss } };
  },
}));

/** Keeps one tensor per step alive (a missing dispose). */
export const leaksTensor = withEstimator((e) => ({
  init: e.init,
  estimate(params, objective, state, ctx) {
    tf.keep(tf.clone(params[0]));
    return e.estimate(params, objective, state, ctx);
  },
}));

/**
 * Wraps the estimator so the base optimizer sees the step's clean gradient and perturbation;
 * `update` then misuses them.
 */
type MisusedUpdate = (alg: Algorithm, grads: Tree, state: unknown, params: Tree, seen: { g0: Tree; delta: Tree }, iteration: number) => { params: Tree; state: unknown };
function withBase(update: MisusedUpdate): Build {
  return (config, names) => {
    const alg = createAlgorithm(config, { names });
    const seen = { g0: [] as Tree, delta: [] as Tree };
    return {
      ...alg,
      estimator: {
        init: alg.estimator.init,
        estimate(params, objective, state, ctx) {
          const out = alg.estimator.estimate(params, objective, state, { ...ctx, record: true });
          seen.g0 = out.info.cleanGradient!;
          seen.delta = out.info.perturbation ?? params.map((p) => tf.zerosLike(p));
          return out;
        },
      },
      base: { init: alg.base.init, update: (g, s, p, t) => update(alg, g, s, p, seen, t) },
    };
  };
}

/** The base step taken at θ_0 + δ: the weights are not restored after the ascent. */
export const noRestore = withBase((alg, g, s, p, seen, t) => alg.base.update(g, s, add(p, seen.delta), t));

/** Weight decay evaluated at the ascent point, wd·(θ_0 + δ). */
export const decayAtAscentPoint = withBase((alg, g, s, p, seen, t) => alg.base.update(axpy(g, alg.config.weightDecay, seen.delta), s, p, t));

/** The momentum buffer is also fed the ascent (clean) gradient. */
export const momentumFromAscent = withBase((alg, g, s, p, seen, t) => {
  const first = alg.base.update(seen.g0, s, p, t);
  return alg.base.update(g, first.state, p, t);
});

/**
 * A tf.Optimizer drop-in that runs `build`'s algorithm instead of the real one (the optimizer's
 * own minimize, VariableObjective and state handling are kept): for model.fit negative controls.
 */
export function optimizerWith(build: Build, config: AlgorithmConfig): SharpnessAwareOptimizer {
  const optimizer = new SharpnessAwareOptimizer(config);
  const internals = optimizer as unknown as { ensureState(v: Variable[]): void; algorithm: Algorithm | null; variableNames: string[] };
  const ensure = internals.ensureState.bind(optimizer);
  internals.ensureState = (variables) => {
    const before = internals.algorithm;
    ensure(variables);
    if (internals.algorithm !== before) internals.algorithm = build(config, internals.variableNames);
  };
  return optimizer;
}
