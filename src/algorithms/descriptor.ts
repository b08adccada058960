/**
 * One record per algorithm (in the spirit of torch's OptimizerInfo): every facet the library,
 * the verifier, the benchmarks and the docs need lives here, so that registering a descriptor is
 * the only edit a new algorithm needs outside its own folder (spec/README.md, "Adding an algorithm").
 */
import type fc from 'fast-check';
import type { tf } from '../tf.js';
import type { BaseHyperparameters, ResolvedBase } from '../kernels/config.js';
import type { GradientEstimator } from '../kernels/types.js';
import type { OracleObjective, Vector } from '../oracle/objective.js';
import type { OracleBase, OracleState, OracleStepResult } from '../oracle/steps.js';
import type { Layout } from '../oracle/layout.js';
import type { Capabilities } from '../verify/types.js';
import type { Mutant } from '../verify/reference/mutant.js';
import type { ReferenceConstructor } from '../verify/reference/step.js';

/** What an algorithm knows about the parameters it will see (names matter for ASAM's presets). */
export interface ParameterInfo {
  names: string[];
}

/** A key with no default: the user must give it (m-SAM's m, RW-SAM's τ). */
export const REQUIRED = Symbol('required');

/** The degenerate pin every ascent algorithm shares (AlgorithmDescriptor.degeneratePin). */
export const zeroRadiusPin = (pins: Readonly<Record<string, unknown>>): string | null => (pins.rho === 0 ? "rho = 0: no ascent, the step is SGD's" : null);

/** An algorithm's own hyperparameters with their defaults; the config keys derive from it. */
export type Defaults<Own> = { readonly [K in keyof Own]-?: Own[K] | typeof REQUIRED };

/** The tfjs side: typed defaults, validation and the gradient estimator (src/kernels builds it). */
export interface KernelFacet<Own extends object> {
  readonly defaults: Defaults<Own>;
  /** Fills defaults and validates the algorithm's own keys (typed errors naming the parameter). */
  resolve(given: Partial<Own>): Own;
  estimator(own: Own, params: ParameterInfo): GradientEstimator;
  /** Gradient evaluations per step (forward-only probes are not counted). */
  gradientEvaluations(own: Own): number;
}

/** The float64 side: its own defaults (from spec/, never the kernel's) and the step. */
export interface OracleFacet<Own extends object> {
  resolve(given: Partial<Own>): Own;
  step(own: Own, base: OracleBase, f: OracleObjective, theta0: Vector, state: OracleState, layout: Layout): OracleStepResult;
}

/** How a loss scale c maps onto this algorithm's hyperparameters so that the step is unchanged (E9). */
export interface ScalingLaw {
  /** Hyperparameter overrides for the unscaled run (learningRate and weightDecay are handled generically). */
  hyperparameters(config: Record<string, unknown>, scale: number): Record<string, unknown>;
  /** The norms of the vectors a step normalises (their guard ε bounds the equivariance slack). */
  normalisedNorms(input: NormalisedNormsInput): number[];
  /** Extra slack from a guard applied to a scaled quantity (XSAM's ε on ‖g_k‖-scaled updates). */
  extraSlack?(epsilon: number, scale: number): number;
}

export interface NormalisedNormsInput {
  config: Record<string, unknown>;
  theta0: Vector;
  ascentPoints: Vector[];
  /** ∇L(x) over the batch, a sample selection or a weighted selection (L2 term included). */
  gradient(x: Vector, samples?: number[], weights?: number[]): Vector;
  /** The batch and data set of a finite-sum problem. */
  data?: { batch: number[]; full: number[] };
  layout: Layout;
  /** Oracle result extras (RW-SAM's weights). */
  extras: Record<string, unknown>;
}

/** The radius an ascent step lands on, for the perturbation-radius property. */
export interface AscentRadius {
  /** Per-coordinate scale t (‖T⁻¹δ‖ is checked; 1 where the rule does not scale). */
  scale(config: Record<string, unknown>, theta0: Vector, layout: Layout): Vector;
  /** The expected ‖T⁻¹δ‖ given ‖Tg‖. */
  radius(config: Record<string, unknown>, scaledGradientNorm: number, gradientNorm: number): number;
}

/** Which generic properties apply (torch OptimizerInfo's "supports_*" flags). */
export interface AlgorithmTags {
  /** One ascent step from θ_0 (SAM, USAM, ASAM): the perturbation-radius property. */
  ascent?: AscentRadius;
  /** k ascent steps on a path (multi-step SAM, XSAM): the ascent-path properties. */
  multiStep?: true;
  /** Needs per-sample losses (m-SAM, n-SAM, RW-SAM): runs on finite-sum problems. */
  finiteSum?: true;
  /** Loss-scaling equivariance (E9), and how it maps. */
  scaling?: ScalingLaw;
  /** State carried between steps (MSAM's buffer, VaSSO's EMA): the trajectory property runs this many steps. */
  trajectory?: { steps: number };
}

/** One configuration the benchmarks run. */
export interface BenchmarkSetting {
  label: string;
  config: Record<string, unknown>;
  /** Ascent steps k (for the k-step cost ratio). */
  steps?: number;
}

export interface BenchmarkContext {
  batchSize: number;
  /** XSAM probes once per epoch, as its reference code does. */
  batchesPerEpoch: number;
  /** SAM radius used for every SAM-type variant (ASAM keeps its own scale). */
  rho: number;
}

export type AlgorithmOptimizer = new (config: never) => tf.Optimizer;

export interface AlgorithmDescriptor<Own extends object = Record<string, unknown>> {
  readonly name: string;
  /** Human name and paper, for usage text and docs lists. */
  readonly title: string;
  /** Where its rule is specified. */
  readonly spec: string;
  readonly kernel: KernelFacet<Own>;
  readonly oracle: OracleFacet<Own>;
  /** The independent float64 step the mutants subclass. */
  readonly reference: ReferenceConstructor;
  /** Realistic broken variants of `reference`, each citing where the bug is seen. */
  readonly mutants: readonly Mutant[];
  /** The own hyperparameters `verify` draws (restricted to well-conditioned ranges, spec/protocol.md). */
  arbitraries(caps: Capabilities): fc.Arbitrary<Partial<Own>>;
  readonly tags: AlgorithmTags;
  /**
   * Why a value an implementation pins (capabilities `fixed`) would reduce this algorithm to a
   * simpler one or to no step at all (ρ = 0, k = 1, …), or null: `verify` refuses such a
   * declaration ("not conformant: degenerate pin"). Base keys (learningRate) are judged by verify.
   */
  degeneratePin?(pins: Readonly<Record<string, unknown>>): string | null;
  benchmark(ctx: BenchmarkContext): BenchmarkSetting[];
  /** The smallest valid config (own keys only; base keys added by the caller). */
  readonly minimalConfig: Partial<Own>;
  /** The drop-in tf.Optimizer. */
  readonly optimizer: AlgorithmOptimizer;
}

/** A config of any registered algorithm (own keys untyped). */
export type AnyAlgorithmConfig = BaseHyperparameters & { algorithm: string } & Record<string, unknown>;
export type ResolvedAlgorithmConfig = ResolvedBase & { algorithm: string } & Record<string, unknown>;
