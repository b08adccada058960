/**
 * Conformance vectors for implementations that cannot run a subprocess: JSON files of
 * (function, point, hyperparameters, expected step, tolerance), one file per algorithm,
 * all drawn from one seed with the same arbitraries the live suite uses.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
}

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
  return algorithms.map((algorithm, i) => {
    const finiteSum = isFiniteSum(algorithm);
    const arb = fc.record({ problem: anyProblemArbitrary({ maxDimension: options.maxDimension ?? 6, finiteSum }), config: configArbitrary(algorithm, caps) });
    const cases = fc.sample(arb, { seed: seed + i, numRuns: options.count ?? 50 });
    const vectors = cases.map(({ problem, config }) => {
      const f = problemObjective(problem.spec);
      const r = oracleStep(config, f, problem.theta0, initialOracleState(), problem.layout);
      return {
        function: { ...problem.spec, formula: FORMULAS[problem.spec.kind] },
        layout: problem.layout,
        config,
        params: problem.theta0,
        expected: { params: r.params, perturbation: r.perturbation, appliedGradient: r.appliedGradient, gradientEvaluations: r.gradientEvaluations },
        tolerance: {
          relative: relativeTolerance(precision),
          rule: '‖θ_1 − expected.params‖ ≤ relative·(‖θ_0‖ + ‖expected.params‖ + ‖θ_0 − expected.params‖ + learningRate·(1+momentum)·(L + weightDecay)·(‖θ_0‖ + ‖center‖ + ‖perturbation‖)), L = lipschitz',
          lipschitz: f.lipschitz,
        },
      };
    });
    const path = join(dir, `${algorithm}.json`);
    writeFileSync(path, JSON.stringify({ format: `${PROTOCOL_VERSION}/vectors`, algorithm, seed: seed + i, precision, vectors }, null, 1) + '\n');
    return path;
  });
}
