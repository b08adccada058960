import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backend/index.js';
import { tf } from '../../src/tf.js';
import { assessFlatness, leastSquaresSlope } from '../../benchmarks/soak/flatness.js';
import { functionalDriver, optimizerDriver, runSoak, soakProblem, type SoakDriver, type SoakProblem } from '../../benchmarks/soak/soak.js';

const STEPS = 300;
const EVERY = 10;
const verdictOf = (driver: SoakDriver, quantity: string) => {
  const run = runSoak(driver, { steps: STEPS, every: EVERY });
  return assessFlatness(run.samples, { warmupSteps: STEPS / 2 }).find((v) => v.quantity === quantity)!;
};

/** The same driver, keeping one extra tensor per step (a deliberate leak). */
function leakingTensors(driver: SoakDriver): SoakDriver {
  const kept: tf.Tensor[] = [];
  return { label: `${driver.label} + leak`, step: () => (driver.step(), void kept.push(tf.scalar(1))), dispose: () => (driver.dispose(), tf.dispose(kept)) };
}

/** The same driver, keeping a 512-number JS array per step (a leak no tensor count sees). */
const LEAKED_ARRAY_LENGTH = 512;
function leakingHeap(driver: SoakDriver): SoakDriver & { kept: number[][] } {
  const kept: number[][] = [];
  return { label: `${driver.label} + heap leak`, kept, step: () => (driver.step(), void kept.push(Array.from({ length: LEAKED_ARRAY_LENGTH }, (_, i) => i + 0.5))), dispose: () => driver.dispose() };
}

describe('soak: tensor count over many SAM steps', () => {
  let problem: SoakProblem;
  beforeAll(async () => {
    await useBackend({ backend: 'cpu' });
    problem = soakProblem(7);
  });
  afterAll(() => problem.dispose());

  it.each([
    ['step()', functionalDriver],
    ['SamOptimizer.minimize', optimizerDriver],
  ])('%s: tensor count and bytes are exactly constant over 300 steps, and nothing is left after dispose', (_, make) => {
    const before = tf.memory().numTensors;
    const driver = make(problem);
    const run = runSoak(driver, { steps: STEPS, every: EVERY });
    const [tensors, bytes] = assessFlatness(run.samples, { warmupSteps: STEPS / 2 });
    expect(run.samples).toHaveLength(STEPS / EVERY);
    expect(tensors).toMatchObject({ quantity: 'numTensors', flat: true, range: 0 });
    expect(bytes).toMatchObject({ quantity: 'numBytes', flat: true, range: 0 });
    driver.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('flags a variant that keeps one tensor per step: slope exactly 1 tensor/step, 4 B/step', () => {
    const driver = leakingTensors(functionalDriver(problem));
    const run = runSoak(driver, { steps: STEPS, every: EVERY });
    const [tensors, bytes] = assessFlatness(run.samples, { warmupSteps: STEPS / 2 });
    driver.dispose();
    expect(tensors.flat).toBe(false);
    expect(tensors.slope).toBeCloseTo(1, 9);
    expect(bytes.flat).toBe(false);
    expect(bytes.slope).toBeCloseTo(Float32Array.BYTES_PER_ELEMENT, 9);
  });

  it('flags a JS-heap leak: the heap slope rises by about the leaked bytes per step', () => {
    const honest = functionalDriver(problem);
    const honestSlope = verdictOf(honest, 'heapUsed').slope;
    honest.dispose();
    const leaky = leakingHeap(functionalDriver(problem));
    const leak = verdictOf(leaky, 'heapUsed');
    leaky.dispose();
    const leakedBytes = LEAKED_ARRAY_LENGTH * Float64Array.BYTES_PER_ELEMENT;
    expect(leak.flat).toBe(false);
    // Bounds 0.25× and 4×, not 0.8× and 1.5×: GC timing over 300 steps moved the measured
    // difference to 0.43× (loaded) and 1.71× (idle CI run) the leaked bytes (spec/benchmarks.md,
    // Soak). The claim is non-flatness, with the slope attributable to the leak's size.
    expect(leak.slope - honestSlope).toBeGreaterThan(0.25 * leakedBytes);
    expect(leak.slope - honestSlope).toBeLessThan(4 * leakedBytes);
    expect(leaky.kept).toHaveLength(STEPS);
  });
});

describe('least-squares slope', () => {
  it('recovers the slope of a line exactly and of a noisy line within its standard error', () => {
    const xs = Array.from({ length: 50 }, (_, i) => i * 100);
    expect(leastSquaresSlope(xs, xs.map((x) => 3 - 0.25 * x))).toMatchObject({ slope: -0.25 });
    // Deterministic ±1 zigzag around 2 + 0.5x: slope 0.5 within a few standard errors.
    const noisy = leastSquaresSlope(xs, xs.map((x, i) => 2 + 0.5 * x + (i % 2 ? 1 : -1)));
    expect(Math.abs(noisy.slope - 0.5)).toBeLessThan(3 * noisy.standardError + 1e-12);
    expect(leastSquaresSlope(xs, xs.map(() => 42))).toEqual({ slope: 0, standardError: 0 });
  });
});
