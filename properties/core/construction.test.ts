/**
 * P9 (C3) weight-decay placement, P10 (C4) momentum-buffer hygiene, P11 pass counting
 * (spec/properties.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import { countingObjective } from '../../src/kernels/objective.js';
import { initState, step, tensorsIn } from '../../src/kernels/step.js';
import { toFlat } from '../../src/kernels/tree.js';
import * as broken from './broken.js';
import type { Build } from './broken.js';
import { failsOn, holds } from './caught.js';
import { uniform } from './configs.js';
import { float32, oracleStaysBounded, paramsOf, unsigned, type CoreFunction } from './harness.js';
import { coreProblem } from './problems.js';
import { distance, norm, U32 } from './tolerance.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** `steps` recorded steps; per step θ₀, δ, applied gradient, θ₁ and the buffer (flat). */
function trace(build: Build, config: AlgorithmConfig, f: CoreFunction, theta0: number[], steps: number) {
  const alg = build(config, f.layout.names);
  const objective = f.tfObjective();
  let params = paramsOf(f.layout, theta0);
  let state = initState(alg, params);
  const out = [];
  for (let t = 0; t < steps; t++) {
    const r = step(alg, params, objective, state, { record: true });
    const applied = r.info.appliedGradient!;
    // buf₁ as the spec defines it, computed with the same float32 ops: fl(g_final + wd·θ₀).
    const expectedFirst = toFlat(applied.map((g, i) => tf.add(g, tf.mul(params[i], alg.config.weightDecay))));
    out.push({
      theta0: Array.from(toFlat(params)),
      delta: Array.from(toFlat(r.info.perturbation ?? [])),
      applied: Array.from(toFlat(applied)),
      theta1: Array.from(toFlat(r.params)),
      buffer: Array.from(toFlat(tensorsIn(r.state.base))),
      expectedFirst: Array.from(expectedFirst),
    });
    tf.dispose([...params, ...tensorsIn(r.info), ...tensorsIn(state).filter((x) => !tensorsIn(r.state).includes(x))]);
    params = r.params;
    state = r.state;
  }
  tf.dispose([...params, ...tensorsIn(state)]);
  return out;
}

const K = 8;
const samArb = fc.record({ algorithm: fc.constantFrom('sam' as const, 'usam' as const, 'asam' as const), rho: uniform(0.05, 0.5) });

/**
 * P9 (C3), default placement: the base step adds wd·θ₀: (θ₀ − θ₁)/η = g_applied + wd·θ₀ (β = 0),
 * within K·u·(‖θ₀‖/η + ‖g‖ + wd‖θ₀‖); and the 'loss' placement perturbs differently whenever
 * it turns the ascent direction, sin∠(g₀, g₀ + wd·θ₀) ≥ 0.01 (its δ ∝ g₀ + wd·θ₀).
 */
const decayAtTheta0 = (build: Build) =>
  fc.property(coreProblem(), samArb, uniform(0.1, 1), uniform(0.05, 0.5), (p, a, lr, wd) => {
    const [s] = trace(build, { ...a, learningRate: lr, weightDecay: wd } as AlgorithmConfig, p.f, float32(p.theta0), 1);
    const d = s.theta0.map((x, j) => (x - s.theta1[j]) / lr);
    const expected = s.applied.map((g, j) => g + wd * s.theta0[j]);
    expect(distance(d, expected)).toBeLessThanOrEqual(K * U32 * (4 * norm(s.theta0) / lr + norm(expected) + wd * norm(s.theta0)) * s.theta0.length);
  });

/**
 * sin∠(g₀, g₀ + wd·θ₀) = ‖(wd·θ₀)⊥g₀‖/‖g₀ + wd·θ₀‖: how far the 'loss' placement turns δ away from
 * the 'base' one; ‖δ_base − δ_loss‖ ≥ ρ·this. 0 when θ₀ = 0 or θ₀ ∥ g₀ (the placements agree there).
 */
function placementTurn(g0: number[], theta0: number[], wd: number): number {
  const gg = g0.reduce((s, g) => s + g * g, 0);
  const along = gg === 0 ? 0 : (wd * g0.reduce((s, g, j) => s + g * theta0[j], 0)) / gg;
  const perpendicular = theta0.map((x, j) => wd * x - along * g0[j]);
  return norm(perpendicular) / norm(g0.map((g, j) => g + wd * theta0[j]));
}

const placementsDiffer = (build: Build) =>
  fc.property(coreProblem(), uniform(0.1, 1), uniform(0.05, 0.5), uniform(0.05, 0.5), (p, lr, wd, rho) => {
    const theta0 = float32(p.theta0);
    fc.pre(placementTurn(p.f.gradient(theta0), theta0, wd) >= 0.01);
    const config = { algorithm: 'sam', rho, learningRate: lr, weightDecay: wd } as AlgorithmConfig;
    const [base] = trace(build, config, p.f, theta0, 1);
    const [loss] = trace(build, { ...config, weightDecayIn: 'loss' }, p.f, theta0, 1);
    expect(distance(base.delta, loss.delta)).toBeGreaterThan(1e-3 * rho);
  });

describe('P9 (C3): where weight decay is applied', () => {
  it('default: the base step adds wd·θ₀ (never wd·(θ₀ + δ))', () => holds(decayAtTheta0, 50));
  it("'base' and 'loss' placements perturb differently when wd > 0", () => holds(placementsDiffer, 40));
  it('fails on the broken variant: wd at θ₀ + δ', () => failsOn(decayAtTheta0, broken.decayAtAscentPoint));
  it("negative control: 'loss' with wd = 0 equals 'base' (the difference is the decay)", () =>
    failsOn((build) => fc.property(coreProblem(), (p) => {
      const config = { algorithm: 'sam', rho: 0.1, learningRate: 0.1, weightDecay: 0 } as AlgorithmConfig;
      const [x] = trace(build, config, p.f, float32(p.theta0), 1);
      const [y] = trace(build, { ...config, weightDecayIn: 'loss' }, p.f, float32(p.theta0), 1);
      expect(distance(x.delta, y.delta)).toBeGreaterThan(0);
    }), broken.correct));
});

/** P10 (C4): buf₁ = fl(g_final + wd·θ₀) exactly; buf₂ = β·buf₁ + (1 − dampening)·(g₂ + wd·θ₁) within K·u·‖·‖. */
const bufferHygiene = (build: Build) =>
  fc.property(coreProblem(), samArb, fc.constantFrom(0.5, 0.9), fc.constantFrom(0, 0.3), fc.constantFrom(0, 0.01, 0.1), (p, a, beta, damp, wd) => {
    const config = { ...a, learningRate: 0.1, momentum: beta, dampening: damp, weightDecay: wd } as AlgorithmConfig;
    fc.pre(oracleStaysBounded(config, p.f, float32(p.theta0), 2));
    const [s1, s2] = trace(build, config, p.f, float32(p.theta0), 2);
    expect(unsigned(s1.buffer)).toEqual(unsigned(s1.expectedFirst));
    const expected = s1.buffer.map((b, j) => beta * b + (1 - damp) * (s2.applied[j] + wd * s2.theta0[j]));
    expect(distance(s2.buffer, expected)).toBeLessThanOrEqual(K * U32 * (norm(expected) + norm(s1.buffer) + norm(s2.applied) + wd * norm(s2.theta0)));
  });

describe('P10 (C4): momentum buffer hygiene', () => {
  it('the buffer sees only the final gradients (plus wd·θ₀)', () => holds(bufferHygiene, 50));
  it('fails on the broken variant: momentum fed the ascent gradient', () => failsOn(bufferHygiene, broken.momentumFromAscent));
});

/** P11: gradient evaluations per step: SGD 1 ['clean'], SAM/USAM/ASAM 2 ['clean', 'final']; no forward-only passes. */
const passCounts = (build: Build) =>
  fc.property(coreProblem(), fc.constantFrom('sgd' as const, 'sam' as const, 'usam' as const, 'asam' as const), fc.constantFrom('base' as const, 'loss' as const), (p, algorithm, weightDecayIn) => {
    const alg = build({ algorithm, learningRate: 0.1, weightDecay: 0.01, weightDecayIn } as AlgorithmConfig, p.f.layout.names);
    const objective = countingObjective(p.f.tfObjective());
    const params = paramsOf(p.f.layout, p.theta0);
    const r = step(alg, params, objective, initState(alg, params));
    tf.dispose([...params, ...r.params, ...tensorsIn(r.info), ...tensorsIn(r.state)]);
    const kinds = algorithm === 'sgd' ? ['clean'] : ['clean', 'final'];
    expect(objective.counts.passes).toEqual(kinds.map((kind, index) => ({ kind, index })));
    expect(objective.counts).toMatchObject({ gradient: kinds.length, forward: 0 });
    expect(alg.gradientEvaluations).toBe(kinds.length);
  });

describe('P11: passes per step, counted with countingObjective', () => {
  it('SGD 1, SAM/USAM/ASAM 2, kinds clean then final', () => holds(passCounts, 40));
  it('fails on the broken variant: clean gradient recomputed', () => failsOn(passCounts, broken.recomputesClean));
  it('fails on the broken variant: every pass labelled clean', () => failsOn(passCounts, broken.allPassesClean));
});
