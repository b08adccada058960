/**
 * Claim: one SAM step on a small MLP (fused matMul + bias + relu layers, softmax cross-entropy)
 * moves the parameters by the same update on every backend as on cpu, for both weight layouts
 * ('tfjs' x·W and 'torch' x·Wᵀ), within a relative tolerance of the update (spec/backends.md).
 */
import fc from 'fast-check';
import { mlpProblem, mlpSamStep, type Layout, type MlpProblem } from '../../benchmarks/backends/mlp.js';
import { computeOn, U32 } from './cross_backend.js';

/** Relative tolerance on the update; why 1e-4 and not γ_K: spec/backends.md, "Tolerance policy". */
export const UPDATE_RTOL = 1e-4;

export interface SamStepCase {
  problem: MlpProblem;
  rho: number;
  learningRate: number;
}

export function samStepCase(): fc.Arbitrary<SamStepCase> {
  return fc
    .record({
      widths: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 4 }),
      batch: fc.integer({ min: 2, max: 5 }),
      layout: fc.constantFrom<Layout>('tfjs', 'torch'),
      seed: fc.integer({ min: 0, max: 2 ** 30 }),
      rho: fc.constantFrom(0.01, 0.05, 0.5),
      learningRate: fc.constantFrom(0.01, 0.1, 1),
    })
    .map((r) => ({
      problem: mlpProblem([...r.widths.slice(0, -1), Math.max(2, r.widths[r.widths.length - 1]!)], r.batch, r.layout, r.seed),
      rho: r.rho,
      learningRate: r.learningRate,
    }));
}

/** ‖update_candidate − update_cpu‖∞ / (‖update_cpu‖∞ + ulp slack), where update = θ_new − θ_old. */
export async function samStepRelativeError(backend: string, c: SamStepCase): Promise<number> {
  const run = () => mlpSamStep(c.problem, c.rho, c.learningRate);
  const [reference, candidate] = [await computeOn('cpu', run), await computeOn(backend, run)];
  let worst = 0;
  let scale = 0;
  let slack = 0;
  reference.forEach((ref, l) => {
    const old = c.problem.params[l]!;
    ref.forEach((r, i) => {
      scale = Math.max(scale, Math.abs(r - old[i]!));
      // θ_new = θ − u is rounded to float32 on each backend: half an ulp of θ_new each.
      slack = Math.max(slack, 2 * U32 * Math.abs(r));
      worst = Math.max(worst, Math.abs(candidate[l]![i]! - r));
    });
  });
  return worst / (scale + slack / UPDATE_RTOL);
}

export function samStepAgreement(backend: string): fc.IAsyncPropertyWithHooks<[SamStepCase]> {
  return fc.asyncProperty(samStepCase(), async (c) => {
    const e = await samStepRelativeError(backend, c);
    if (!(e <= UPDATE_RTOL)) throw new Error(`${backend} SAM update differs from cpu by ${e} (relative)`);
  });
}

