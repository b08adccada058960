/**
 * Conformance vectors for implementations that cannot run a subprocess: JSON files of
 * (function, point, hyperparameters, expected step, tolerance), one file per algorithm,
 * all drawn from one seed with the same arbitraries the live suite uses.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseNames } from '../bases/registry.js';
import { oracleSensitivity } from './base_property.js';
import { errorScale } from './property_support.js';
import fc from 'fast-check';
import { algorithmNames } from '../algorithms/index.js';
import { initialOracleState, oracleStep } from '../oracle/algorithms.js';
import { relativeTolerance } from './compare.js';
import { kernelCapabilities } from './adapters/kernel.js';
import { configArbitrary } from './hyperparameters.js';
import { isFiniteSum } from './properties.js';
import { anyProblemArbitrary, problemObjective } from './problem.js';
import { PROTOCOL_VERSION } from './protocol.js';
import type { Capabilities } from './types.js';

export interface VectorOptions {
  seed?: number;
  /** Vectors per algorithm (default 50). */
  count?: number;
  algorithms?: string[];
  /** Restrict hyperparameters to what the target supports (default: everything). */
  capabilities?: Capabilities;
  /** Tolerance the file states (default float32). */
  precision?: Capabilities['precision'];
  maxDimension?: number;
  /** A base optimizer other than SGD (spec/bases.md §11): configs carry `base: {name, ...}`, files are `<algorithm>.<base>.json`. */
  base?: string;
  /** Compact JSON (no indentation), for the packaged set. */
  compact?: boolean;
}

const U32 = 2 ** -24;

const FORMULAS = {
  quadratic: 'L(θ) = scale·(½ Σ curvature_i r_i² + ½ couplingScale·(coupling·r)²), r = θ − center',
  'sample-quadratics':
    'f_i(θ) = scale·½ Σ_j curvature[i][j]·(θ_j − center[i][j])²; L = mean of f_i over batch (indices, in batch order; m-SAM micro-batches are its contiguous slices); L_n = mean over every i',
};

/** Writes `<dir>/<algorithm>.json` and returns the paths written. */
export function writeVectors(dir: string, options: VectorOptions = {}): string[] {
  const caps = options.capabilities ?? kernelCapabilities();
  const algorithms = options.algorithms ?? algorithmNames().filter((a) => a in caps.algorithms);
  const seed = options.seed ?? 1;
  const precision = options.precision ?? 'float32';
  mkdirSync(dir, { recursive: true });
  const base = options.base !== undefined && options.base !== 'sgd' ? options.base : undefined;
  return algorithms.map((algorithm, i) => {
    const finiteSum = isFiniteSum(algorithm);
    const arb = fc.record({
      problem: anyProblemArbitrary({ maxDimension: options.maxDimension ?? 6, finiteSum }),
      config: configArbitrary(algorithm, caps, base ? { base } : {}),
      noiseSeed: fc.integer({ min: 0, max: 2 ** 30 }),
    });
    const count = options.count ?? 50;
    const vectors = [];
    // Over a base, draws where the rule amplifies input rounding beyond the step are not judged
    // (the live suite's precondition, spec/bases.md §8): they are skipped here too.
    for (let round = 0; vectors.length < count && round < 20; round++) {
      for (const c of fc.sample(arb, { seed: seed + i + 1000 * round, numRuns: count })) {
        if (vectors.length >= count) break;
        const f = problemObjective(c.problem.spec);
        const r = oracleStep(c.config, f, c.problem.theta0, initialOracleState(), c.problem.layout);
        let scale = errorScale(c, [r]);
        if (base) {
          const [sensitivity] = oracleSensitivity({ ...c, steps: 1 }, [r.params]);
          const moved = Math.hypot(...r.params.map((x, k) => x - c.problem.theta0[k]));
          if (!(sensitivity <= 1e-2 * moved + U32 * scale)) continue;
          scale += sensitivity / U32;
        }
        vectors.push({
          function: { ...c.problem.spec, formula: FORMULAS[c.problem.spec.kind] },
          layout: c.problem.layout,
          config: c.config,
          params: c.problem.theta0,
          expected: { params: r.params, perturbation: r.perturbation, appliedGradient: r.appliedGradient, gradientEvaluations: r.gradientEvaluations },
          tolerance: {
            relative: relativeTolerance(precision),
            rule: '‖θ_1 − expected.params‖ ≤ relative·scale; scale = ‖θ_0‖ + ‖expected.params‖ + ‖θ_0 − expected.params‖ + learningRate·(1+momentum)·(L + weightDecay)·(‖θ_0‖ + ‖center‖ + ‖perturbation‖ + ‖θ_0 − expected.params‖), L = lipschitz (over a base other than SGD, + the oracle\'s sensitivity to a 2⁻²⁴ input rounding ÷ 2⁻²⁴)',
            lipschitz: f.lipschitz,
            scale,
          },
        });
      }
    }
    const path = join(dir, base ? `${algorithm}.${base}.json` : `${algorithm}.json`);
    const file = { format: `${PROTOCOL_VERSION}/vectors`, algorithm, ...(base ? { base } : {}), seed: seed + i, precision, vectors };
    writeFileSync(path, (options.compact ? JSON.stringify(file) : JSON.stringify(file, null, 1)) + '\n');
    return path;
  });
}

/**
 * The set packaged with the Python package: every algorithm × base (SGD and each base the kernel
 * declares) × precision, `<dir>/<precision>/<algorithm>[.<base>].json`, `count` vectors each.
 */
export function writeVectorSet(dir: string, options: { seed?: number; count?: number } = {}): string[] {
  const precisions: Capabilities['precision'][] = ['float32', 'float64'];
  return precisions.flatMap((precision) =>
    baseNames().flatMap((base) => writeVectors(join(dir, precision), { seed: options.seed, count: options.count ?? 16, precision, base, compact: true, maxDimension: 4 })),
  );
}
