/**
 * The implementation contract (spec/protocol.md): what an implementation under test receives and
 * returns. Everything is flat float64 arrays plus a layout, so the same contract serves in-process
 * tfjs code, tf.Optimizers and subprocesses in any language.
 */
import type { AlgorithmConfig } from '../algorithms/index.js';
import type { Layout } from '../oracle/algorithms.js';

export type { Layout, AlgorithmConfig };

/** 'perSample': f_i(point) for every selected sample (forward only, finite sums). */
export type Want = 'value' | 'gradient' | 'perSample';

/**
 * The sample structure of a finite-sum step (spec/protocol.md §3.1): `batch` lists the batch's
 * sample indices in batch order (m-SAM's micro-batches are its contiguous slices), `full` every
 * sample of the data set (n-SAM's L_n). Only sent to implementations that declare `finiteSum`.
 */
export interface FiniteSumData {
  batch: number[];
  full: number[];
}

/** Which samples an evaluation is over: the mean over `samples` (default: the batch), or Σ weights_i f_i. */
export interface SampleSelection {
  samples?: readonly number[];
  /** One weight per selected sample: the loss is then Σ_i w_i f_i (not a mean). */
  weights?: readonly number[];
}

export interface Evaluated {
  value?: number;
  gradient?: number[];
  perSample?: number[];
}

/** The loss/gradient oracle the harness hands an implementation. Every call is counted and logged. */
export interface GradientOracle {
  /** Present iff the step's problem is a finite sum. */
  readonly data?: FiniteSumData;
  evaluate(point: readonly number[], want?: readonly Want[], selection?: SampleSelection): Evaluated;
}

export interface StepDiagnostics {
  /** θ_k − θ_0, the total ascent offset. */
  perturbation?: number[];
  ascentPoints?: number[][];
  /** The gradient handed to the base optimizer. */
  appliedGradient?: number[];
}

export interface StepOutcome {
  params: number[];
  diagnostics?: StepDiagnostics;
}

/** One optimizer instance: state (momentum buffers) lives here between steps. */
export interface ImplementationSession {
  step(params: readonly number[], oracle: GradientOracle): Promise<StepOutcome>;
  close(): Promise<void>;
}

/** Base-optimizer features an implementation may lack; a property that needs one is SKIPPED. */
export interface BaseOptionSupport {
  momentum?: boolean;
  dampening?: boolean;
  nesterov?: boolean;
  weightDecay?: boolean;
  /** Which placements of weight decay are supported (default ['base']). */
  weightDecayIn?: Array<'base' | 'loss' | 'decoupled'>;
}

export interface AlgorithmSupport {
  /** Hyperparameters the implementation cannot vary: the harness always sends these values. */
  fixed?: Record<string, unknown>;
}

/** A base optimizer other than SGD an implementation supports (spec/bases.md), with its pinned options. */
export interface BaseSupport {
  /** Options the implementation cannot vary: the harness always sends these values. */
  fixed?: Record<string, unknown>;
}

export interface Capabilities {
  /**
   * Base optimizers besides SGD, e.g. { adamw: {}, adam: {} } (default none: SGD only). A config over
   * an undeclared base is never sent; its properties are SKIPPED.
   */
  bases?: Record<string, BaseSupport>;
  /** Supported algorithms, e.g. { sgd: {}, sam: {}, asam: { fixed: { etaT: 0, adaptive: 'all' } } }. */
  algorithms: Record<string, AlgorithmSupport>;
  options: BaseOptionSupport;
  policies: {
    /** 'guard': ‖g‖ + ε in every normalization (finite at g = 0); 'nan': no guard (google-research, optax). */
    zeroGradient: 'guard' | 'nan';
  };
  /** Serves per-sample requests (`samples`, `weights`, `perSample`): needed by m-SAM, n-SAM and RW-SAM. */
  finiteSum?: boolean;
  /** Arithmetic the implementation steps in; sets the tolerance of every comparison. */
  precision: 'float32' | 'float64';
  /** A rank of a data-parallel implementation (`samcheck verify --world-size N`, spec/protocol.md §3.2). */
  distributed?: DistributedDeclaration;
}

/**
 * How a data-parallel rank perturbs (spec/family.md §4): 'perReplicaPerturbation' with its own
 * shard's gradient (m-SAM, m = the shard size), 'synced' with the all-reduced gradient (SAM over
 * the global batch). `rank` and `worldSize` echo what the rank was told, so a rank that ignored
 * them is caught at the handshake.
 */
export interface DistributedDeclaration {
  semantics: 'perReplicaPerturbation' | 'synced';
  rank: number;
  worldSize: number;
}

export interface ImplementationUnderTest {
  readonly name: string;
  capabilities(): Promise<Capabilities>;
  createSession(config: AlgorithmConfig, layout: Layout): Promise<ImplementationSession>;
  /** Frees the implementation (kills a subprocess). Safe to call twice. */
  dispose?(): Promise<void>;
}
