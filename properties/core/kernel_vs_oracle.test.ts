/**
 * P1 (spec/properties.md): every core algorithm (SGD, SAM, USAM, ASAM with every option) agrees
 * with its float64 oracle over 1–3 consecutive steps (state carried), within the norm-based
 * tolerance T1 of spec/tolerances.md, on random smooth functions, points and hyperparameters,
 * while the oracle's own trajectory stays bounded (a stable step size for the drawn function).
 */
import { beforeAll, describe, it } from 'vitest';
import fc from 'fast-check';
import { useBackend } from '../../src/backend/index.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import * as broken from './broken.js';
import type { Build } from './broken.js';
import { failsOn, holds } from './caught.js';
import { baseArb, configArb, uniform } from './configs.js';
import { compareSteps, oracleStaysBounded, worstRatio } from './harness.js';
import { coreProblem } from './problems.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

type ConfigFor = (tensors: number) => fc.Arbitrary<AlgorithmConfig>;

/** Kernel ≈ oracle: every step's ‖θ_kernel − θ_oracle‖ is within T1. */
const matchesOracle = (configs: ConfigFor) => (build: Build) =>
  fc.property(
    coreProblem().chain((p) => fc.record({ p: fc.constant(p), config: configs(p.f.layout.sizes.length), steps: fc.integer({ min: 1, max: 3 }) })),
    ({ p, config, steps }) => {
      fc.pre(oracleStaysBounded(config, p.f, p.theta0, steps));
      return worstRatio(compareSteps(build, config, p.f, p.theta0, steps)) <= 1;
    },
  );

/** Configs with the given algorithm part, lr ≥ 0.05 so a wrong gradient moves θ visibly. */
const only = (alg: fc.Arbitrary<object>, base = baseArb(uniform(0.05, 0.5))): ConfigFor => () =>
  fc.tuple(alg, base).map(([a, b]) => ({ ...b, ...a }) as AlgorithmConfig);
const sam = fc.record({ algorithm: fc.constant('sam'), rho: uniform(0.05, 0.5) });
const asamExcludingBiases = fc.record({ algorithm: fc.constant('asam'), rho: uniform(0.2, 2), etaT: fc.constantFrom(0, 0.01), adaptive: fc.constant('exclude-biases') });
const withMomentum = fc.record({ learningRate: uniform(0.05, 0.5), momentum: fc.constantFrom(0.5, 0.9) });
const withDecay = fc.record({ learningRate: uniform(0.05, 0.5), weightDecay: fc.constant(0.1) });

describe('P1: kernel ≈ float64 oracle over 1–3 steps (SGD, SAM, USAM, ASAM, every option)', () => {
  it('holds on random functions, points and hyperparameters', () => holds(matchesOracle(configArb), 150));

  const cases: Array<[string, Build, ConfigFor]> = [
    ['SAM dividing by ‖g‖²', broken.dividesBySquaredNorm, only(sam)],
    ['SAM with per-tensor norms', broken.perTensorNorm, only(sam)],
    ['USAM normalised', broken.usamNormalised, only(fc.record({ algorithm: fc.constant('usam'), rho: uniform(0.05, 0.5) }))],
    ['ASAM scaling biases', broken.asamScalesBiases, only(asamExcludingBiases)],
    ['ASAM normalised by ‖g‖', broken.asamNormOfGradient, only(asamExcludingBiases)],
    ['accumulated gradients (g₀ + g_SAM)', broken.accumulatesGradients, only(sam)],
    ['no restore before the base step', broken.noRestore, only(sam)],
    ['weight decay at θ₀ + δ', broken.decayAtAscentPoint, only(sam, withDecay)],
    ['momentum fed the ascent gradient', broken.momentumFromAscent, only(sam, withMomentum)],
  ];
  for (const [name, variant, configs] of cases) {
    it(`fails on the broken variant: ${name}`, () => failsOn(matchesOracle(configs), variant));
  }
});
