import { beforeAll, describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { NonFiniteError } from '../../src/errors.js';
import { countingObjective } from '../../src/kernels/objective.js';
import { createAlgorithm, initState, step, tensorsIn } from '../../src/kernels/step.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import { closeTo, kernelObjective, layoutOf, paramsOf, problemArb, type Problem } from './problems.js';
import { conditionedProblemArb, findsCounterexample, kernelRun } from './harness.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

/** Runs `steps` iterations on a counting objective; returns per-step counts and the α/probe scalars. */
function counted(config: AlgorithmConfig, p: Problem, steps: number) {
  const layout = layoutOf(p);
  const alg = createAlgorithm(config, { names: layout.names });
  const objective = countingObjective(kernelObjective(p));
  let params = paramsOf(p);
  let state = initState(alg, params);
  const perStep: Array<{ gradient: number; forward: number; kinds: string[]; scalars: Record<string, number> }> = [];
  for (let t = 0; t < steps; t++) {
    const before = { gradient: objective.counts.gradient, forward: objective.counts.forward, passes: objective.counts.passes.length };
    const r = step(alg, params, objective, state);
    perStep.push({
      gradient: objective.counts.gradient - before.gradient,
      forward: objective.counts.forward - before.forward,
      kinds: objective.counts.passes.slice(before.passes).map((q) => q.kind),
      scalars: r.info.scalars ?? {},
    });
    tf.dispose([...params, ...tensorsIn(state), ...tensorsIn(r.info)]);
    params = r.params;
    state = r.state;
  }
  tf.dispose([...params, ...tensorsIn(state)]);
  return { perStep, declared: alg.gradientEvaluations };
}

const k = fc.integer({ min: 1, max: 4 });

describe('gradient-evaluation counts (spec/family.md N1)', () => {
  test.prop([conditionedProblemArb(), k, fc.constantFrom('fixed-path' as const, 'projected' as const)], { numRuns: 20 })('multi-step SAM: k + 1 gradient passes, no forward-only pass', (p, steps, ascent) => {
    const { perStep, declared } = counted({ algorithm: 'multistep-sam', steps, ascent, learningRate: 0.1 }, p, 1);
    expect(declared).toBe(steps + 1);
    expect(perStep[0].gradient).toBe(steps + 1);
    expect(perStep[0].forward).toBe(0);
    expect(perStep[0].kinds).toEqual(['clean', ...Array<string>(steps - 1).fill('ascent'), 'final']);
  });
  test.prop([conditionedProblemArb(), k, fc.integer({ min: 1, max: 3 })], { numRuns: 15 })(
    'XSAM: k + 1 gradient passes; N = 21 forward probe passes at iterations 0, P, 2P, … only; α fixed in between',
    (p, steps, interval) => {
      const { perStep } = counted({ algorithm: 'xsam', steps, probeInterval: interval, learningRate: 0.05 }, p, 4);
      perStep.forEach((s, t) => {
        const probing = t % interval === 0;
        expect(s.gradient).toBe(steps + 1);
        expect(s.forward).toBe(probing ? 21 : 0);
        expect(s.kinds.filter((kind) => kind === 'probe').length).toBe(probing ? 21 : 0);
        expect(s.scalars.probed).toBe(probing ? 1 : 0);
        if (!probing) expect(s.scalars.alpha).toBe(perStep[t - 1].scalars.alpha);
      });
    },
  );
  it('static XSAM never probes', () => {
    const [p] = fc.sample(conditionedProblemArb(), { numRuns: 1, seed: 5 });
    expect(counted({ algorithm: 'xsam', dynamic: false, learningRate: 0.1 }, p, 2).perStep.every((s) => s.forward === 0)).toBe(true);
  });
  test.prop([conditionedProblemArb({ batch: fc.constantFrom(2, 4, 6) }), fc.constantFrom(1, 2)], { numRuns: 10 })('m-SAM: 2J micro-batch gradient passes', (p, m) => {
    expect(counted({ algorithm: 'm-sam', m, learningRate: 0.1 }, p, 1).perStep[0].gradient).toBe((2 * p.batch) / m);
  });
  it('n-SAM: 2; RW-SAM: 3 (finite τ) or 2 (τ = ∞)', () => {
    const [p] = fc.sample(conditionedProblemArb(), { numRuns: 1, seed: 7 });
    expect(counted({ algorithm: 'n-sam', learningRate: 0.1 }, p, 1).perStep[0].gradient).toBe(2);
    expect(counted({ algorithm: 'rw-sam', temperature: 1, learningRate: 0.1 }, p, 1).perStep[0].gradient).toBe(3);
    expect(counted({ algorithm: 'rw-sam', temperature: 'infinity', learningRate: 0.1 }, p, 1).perStep[0].gradient).toBe(2);
  });
});

const family: AlgorithmConfig[] = [
  { algorithm: 'multistep-sam', steps: 3, learningRate: 0.05, momentum: 0.9 },
  { algorithm: 'multistep-sam', steps: 2, ascent: 'projected', applied: 'average', learningRate: 0.05 },
  { algorithm: 'xsam', steps: 2, probeInterval: 2, learningRate: 0.05, momentum: 0.9, weightDecay: 1e-3 },
  { algorithm: 'm-sam', m: 1, learningRate: 0.05, weightDecayIn: 'loss', weightDecay: 0.01 },
  { algorithm: 'n-sam', learningRate: 0.05 },
  { algorithm: 'rw-sam', temperature: 0.5, learningRate: 0.05 },
];

describe('no tensor leaks over many steps', () => {
  it.each(family.map((c) => [c.algorithm, c] as const))('%s: tf.memory().numTensors flat across 12 steps', (_name, config) => {
    const [p] = fc.sample(conditionedProblemArb({ batch: fc.constant(4) }), { numRuns: 1, seed: 11 });
    const objective = kernelObjective(p);
    const alg = createAlgorithm(config, { names: layoutOf(p).names });
    let params = paramsOf(p);
    let state = initState(alg, params);
    const counts: number[] = [];
    for (let t = 0; t < 12; t++) {
      const r = step(alg, params, objective, state);
      tf.dispose([...params, ...tensorsIn(state), ...tensorsIn(r.info)]);
      params = r.params;
      state = r.state;
      counts.push(tf.memory().numTensors);
    }
    tf.dispose([...params, ...tensorsIn(state)]);
    expect(new Set(counts.slice(1)).size).toBe(1);
  });
});

/** An interpolating minimum: every f_i (batch and full data) is stationary at θ_0. */
const stationaryArb = problemArb().map((p): Problem => ({ ...p, centers: p.centers.map(() => p.theta0) }));

/** C2: a finite update equal to the weight-decay-only SGD step, for every family member. */
function stationaryFinite(p: Problem, epsilon: number): boolean {
  const wd = 0.01;
  const expected = p.theta0.map((x) => x - 0.1 * wd * x);
  try {
    return family.every((c) => closeTo(kernelRun({ ...c, learningRate: 0.1, momentum: 0.9, weightDecay: wd, weightDecayIn: 'base', epsilon } as AlgorithmConfig, p).params, expected, 1e-6));
  } catch (e) {
    if (e instanceof NonFiniteError) return false;
    throw e;
  }
}

describe('C2: zero gradient', () => {
  test.prop([stationaryArb], { numRuns: 15 })('every family member takes the weight-decay-only step, finite', (p) => {
    expect(stationaryFinite(p, 1e-12)).toBe(true);
  });
  it('catches a missing ε (ε = 0: 0/0 = NaN)', () => {
    expect(findsCounterexample(stationaryArb, (p) => stationaryFinite(p, 0), 5)).toBe(true);
  });
});
