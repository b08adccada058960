/**
 * P2–P5 (spec/properties.md): exact identities of the core algorithms on the same backend.
 * P2 ρ = 0 ⇒ SAM/USAM/ASAM = SGD bit for bit; P3 lr = 0 ⇒ θ unchanged bit for bit (functional
 * core and tf.Optimizer with tf.Variables); P4 ‖δ‖ = ρ (SAM), ‖T⁻¹δ‖ = ρ (ASAM) within T2;
 * P5 zero gradient (C2): finite, equal to SGD's step bit for bit; without the guard: NON_FINITE.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { NonFiniteError } from '../../src/errors.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import { adaptiveMask } from '../../src/algorithms/asam/kernel.js';
import { createAlgorithm, initState, step, tensorsIn, type AlgorithmState } from '../../src/kernels/step.js';
import { toFlat } from '../../src/kernels/tree.js';
import { perCoordinate } from '../../src/oracle/algorithms.js';
import { quadratic } from '../../src/oracle/functions/quadratic.js';
import * as broken from './broken.js';
import type { Build } from './broken.js';
import { failsOn, holds } from './caught.js';
import { baseArb, configArb, uniform } from './configs.js';
import { float32, oracleStaysBounded, paramsOf, unsigned, type CoreFunction } from './harness.js';
import { coreProblem } from './problems.js';
import { norm, U32 } from './tolerance.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** θ and the momentum buffer after `steps` steps (flat float32 values), optionally from a given state. */
function run(build: Build, config: AlgorithmConfig, f: CoreFunction, theta0: number[], steps: number, start?: AlgorithmState) {
  const alg = build(config, f.layout.names);
  const objective = f.tfObjective();
  let params = paramsOf(f.layout, theta0);
  let state = start ?? initState(alg, params);
  for (let t = 0; t < steps; t++) {
    const r = step(alg, params, objective, state);
    tf.dispose([...params, ...tensorsIn(r.info)]);
    if (state !== start) tf.dispose(tensorsIn(state).filter((x) => !tensorsIn(r.state).includes(x)));
    params = r.params;
    state = r.state;
  }
  const out = { theta: Array.from(toFlat(params)), buffer: Array.from(toFlat(tensorsIn(state.base))) };
  tf.dispose([...params, ...tensorsIn(state)]);
  return out;
}

const ascentAlgorithms = fc.oneof(
  fc.constant({ algorithm: 'sam' as const }),
  fc.constant({ algorithm: 'usam' as const }),
  fc.record({ algorithm: fc.constant('asam' as const), etaT: fc.constantFrom(0, 0.01), adaptive: fc.constantFrom('all' as const, 'exclude-biases' as const) }),
);

const rhoZeroIsSgd = (build: Build) =>
  fc.property(coreProblem(), ascentAlgorithms, baseArb(uniform(0.01, 0.5)), fc.integer({ min: 1, max: 3 }), (p, a, b, steps) => {
    const sgdConfig: AlgorithmConfig = { ...b, algorithm: 'sgd' };
    fc.pre(oracleStaysBounded(sgdConfig, p.f, p.theta0, steps));
    const sam = run(build, { ...b, ...a, rho: 0 } as AlgorithmConfig, p.f, p.theta0, steps);
    const sgd = run(broken.correct, sgdConfig, p.f, p.theta0, steps);
    expect(sam).toEqual(sgd);
  });

/** A problem and a config with lr = 0 (ASAM's explicit flags sized to the problem's tensors). */
const lrZeroProblem = coreProblem().chain((p) => fc.tuple(fc.constant(p), configArb(p.f.layout.sizes.length, fc.constant(0))));

const lrZeroKeepsTheta = (build: Build) =>
  fc.property(lrZeroProblem, fc.integer({ min: 1, max: 3 }), ([p, config], steps) => {
    const theta0 = float32(p.theta0);
    expect(unsigned(run(build, config, p.f, theta0, steps).theta)).toEqual(unsigned(theta0));
  });

let variableCount = 0;

/** The tf.Optimizer path: minimize on tf.Variables, lr = 0, variables bit-identical afterwards. */
const lrZeroKeepsVariables = (build: Build) =>
  fc.property(lrZeroProblem, ([p, config]) => {
    const theta0 = float32(p.theta0);
    const variables = paramsOf(p.f.layout, theta0).map((t, i) => tf.variable(t, true, `${p.f.layout.names[i]}_v${variableCount++}`));
    const objective = p.f.tfObjective();
    const optimizer = broken.optimizerWith(build, config);
    for (let t = 0; t < 2; t++) optimizer.minimize(() => objective.value(variables, { kind: 'clean', index: 0 }), false, variables);
    const after = Array.from(toFlat(variables));
    optimizer.dispose();
    tf.dispose(variables);
    expect(unsigned(after)).toEqual(unsigned(theta0));
  });

describe('P2: ρ = 0 makes SAM, USAM and ASAM equal to SGD, bit for bit (same backend)', () => {
  it('holds over 1–3 steps with momentum and weight decay', () => holds(rhoZeroIsSgd, 40));
  it('fails on the broken variant: accumulated gradients (g₀ + g_SAM)', () => failsOn(rhoZeroIsSgd, broken.accumulatesGradients));
});

describe('P3: lr = 0 leaves θ unchanged, bit for bit: the weights are restored after the ascent', () => {
  it('functional core, every algorithm and option', () => holds(lrZeroKeepsTheta, 80));
  it('tf.Optimizer.minimize on tf.Variables', () => holds(lrZeroKeepsVariables, 30));
  it('fails on the broken variant: no restore (functional core)', () => failsOn(lrZeroKeepsTheta, broken.noRestore));
  it('fails on the broken variant: no restore (tf.Optimizer)', () => failsOn(lrZeroKeepsVariables, broken.noRestore));
});

/** T2: relative tolerance K·(d + 8)·u on a radius (spec/tolerances.md). */
const radiusTolerance = (d: number) => 8 * (d + 8) * U32;

/** P4: ‖δ‖ = ρ for SAM, ‖T⁻¹δ‖ = ρ for ASAM, from step(..., {record: true}); conditions: ‖g₀‖, ‖t⊙g₀‖ ≥ 1e-3. */
const radiusIsRho = (which: 'sam' | 'asam') => (build: Build) =>
  fc.property(coreProblem(), uniform(0.01, 2), fc.constantFrom(0, 0.01, 0.1), fc.constantFrom('all' as const, 'exclude-biases' as const), (p, rho, etaT, adaptive) => {
    const config = (which === 'sam' ? { algorithm: 'sam', rho, learningRate: 0.1 } : { algorithm: 'asam', rho, etaT, adaptive, learningRate: 0.1 }) as AlgorithmConfig;
    const theta0 = float32(p.theta0);
    const flags = perCoordinate(which === 'asam' ? adaptiveMask(adaptive, p.f.layout) : p.f.layout.names.map(() => false), p.f.layout);
    const t = theta0.map((x, j) => (flags[j] ? Math.abs(x) + etaT : 1));
    const g0 = p.f.gradient(theta0);
    fc.pre(norm(g0.map((g, j) => g * t[j])) >= 1e-3);
    const alg = build(config, p.f.layout.names);
    const params = paramsOf(p.f.layout, theta0);
    const r = step(alg, params, p.f.tfObjective(), initState(alg, params), { record: true });
    const delta = toFlat(r.info.perturbation!);
    tf.dispose([...params, ...r.params, ...tensorsIn(r.info), ...tensorsIn(r.state)]);
    const scaled = Array.from(delta, (x, j) => (t[j] === 0 ? 0 : x / t[j]));
    expect(Math.abs(norm(scaled) / rho - 1)).toBeLessThanOrEqual(radiusTolerance(theta0.length));
  });

describe('P4: the perturbation lands on the ρ-sphere', () => {
  it('SAM: ‖δ‖ = ρ', () => holds(radiusIsRho('sam'), 60));
  it('ASAM: ‖T⁻¹δ‖ = ρ', () => holds(radiusIsRho('asam'), 60));
  it('SAM fails on the broken variant: dividing by ‖g‖²', () => failsOn(radiusIsRho('sam'), broken.dividesBySquaredNorm));
  it('SAM fails on the broken variant: per-tensor norms', () => failsOn(radiusIsRho('sam'), broken.perTensorNorm));
  it('ASAM fails on the broken variant: normalised by ‖g‖', () => failsOn(radiusIsRho('asam'), broken.asamNormOfGradient));
});

/**
 * P5 (C2): at an exact stationary point (a quadratic at its float32 centre: g₀ = 0 exactly), after a
 * first SGD step elsewhere filled the momentum buffer, every ascent method's step is finite and
 * equals SGD's (weight decay and momentum only), bit for bit.
 */
const stationary = fc
  .record({
    eigenvalues: fc.array(uniform(0.1, 10), { minLength: 2, maxLength: 4 }),
    shift: fc.array(uniform(-1, 1), { minLength: 4, maxLength: 4 }),
  })
  .chain(({ eigenvalues, shift }) =>
    fc.record({
      center: fc.array(uniform(-2, 2), { minLength: eigenvalues.length, maxLength: eigenvalues.length }).map(float32),
      eigenvalues: fc.constant(eigenvalues),
      shift: fc.constant(shift.slice(0, eigenvalues.length)),
    }),
  )
  .map(({ center, eigenvalues, shift }) => ({
    f: quadratic({ eigenvalues, reflections: [shift.map((s) => s + 2)], center }, { layout: { names: ['dense/kernel', 'dense/bias'], sizes: [center.length - 1, 1] } }),
    center,
    elsewhere: center.map((c, j) => c + shift[j]),
  }));

const zeroGradientIsSgd = (build: Build) =>
  fc.property(stationary, ascentAlgorithms, uniform(0.01, 0.5), baseArb(uniform(0.01, 0.5)), (p, a, rho, b) => {
    // In 'loss' mode the perturbed loss includes wd/2·‖θ‖², whose gradient at the centre is not 0: C2 is about the default placement.
    const sgdConfig: AlgorithmConfig = { ...b, weightDecayIn: 'base', algorithm: 'sgd' };
    const sgdAlg = createAlgorithm(sgdConfig, { names: p.f.layout.names });
    const first = paramsOf(p.f.layout, p.elsewhere);
    const filled = step(sgdAlg, first, p.f.tfObjective(), initState(sgdAlg, first));
    const sam = run(build, { ...sgdConfig, ...a, rho } as AlgorithmConfig, p.f, p.center, 1, filled.state);
    const sgd = run(broken.correct, sgdConfig, p.f, p.center, 1, filled.state);
    tf.dispose([...first, ...filled.params, ...tensorsIn(filled.state), ...tensorsIn(filled.info)]);
    expect(sam.theta.every(Number.isFinite)).toBe(true);
    expect(sam).toEqual(sgd);
  });

describe('P5 (C2): a zero gradient gives a finite step equal to SGD’s', () => {
  it('holds with momentum and weight decay (default placement)', () => holds(zeroGradientIsSgd, 60));
  it('fails on the broken variant: the guard dropped', () => failsOn(zeroGradientIsSgd, broken.dropsGuard));

  it('documented "no guard" behaviour: SAM with ε = 0 at g₀ = 0 throws NON_FINITE, or skips with θ unchanged', () => {
    const f = quadratic({ eigenvalues: [1, 2], reflections: [], center: [0.5, -0.25] });
    const config: AlgorithmConfig = { algorithm: 'sam', learningRate: 0.1, rho: 0.05, epsilon: 0 };
    const alg = createAlgorithm(config, { names: f.layout.names });
    const params = paramsOf(f.layout, [0.5, -0.25]);
    expect(() => step(alg, params, f.tfObjective(), initState(alg, params))).toThrow(NonFiniteError);
    const skipping = createAlgorithm({ ...config, onNonFinite: 'skip' }, { names: f.layout.names });
    const r = step(skipping, params, f.tfObjective(), initState(skipping, params));
    expect(r.skipped).toBe(true);
    expect(Array.from(toFlat(r.params))).toEqual([0.5, -0.25]);
    tf.dispose(params);
  });
});
