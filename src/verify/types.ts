/**
 * The implementation contract (spec/protocol.md): what an implementation under test receives and
 * returns. Everything is flat float64 arrays plus a layout, so the same contract serves in-process
 * tfjs code, tf.Optimizers and subprocesses in any language.
 */
import type { AlgorithmConfig } from '../kernels/algorithms/index.js';
import type { Layout } from '../oracle/algorithms.js';

export type { Layout, AlgorithmConfig };

export type Want = 'value' | 'gradient';

/** The loss/gradient oracle the harness hands an implementation. Every call is counted and logged. */
export interface GradientOracle {
  evaluate(point: readonly number[], want?: readonly Want[]): { value?: number; gradient?: number[] };
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
  weightDecayIn?: Array<'base' | 'loss'>;
}

export interface AlgorithmSupport {
  /** Hyperparameters the implementation cannot vary: the harness always sends these values. */
  fixed?: Record<string, unknown>;
}

export interface Capabilities {
  /** Supported algorithms, e.g. { sgd: {}, sam: {}, asam: { fixed: { etaT: 0, adaptive: 'all' } } }. */
  algorithms: Record<string, AlgorithmSupport>;
  options: BaseOptionSupport;
  policies: {
    /** 'guard': ‖g‖ + ε in every normalization (finite at g = 0); 'nan': no guard (google-research, optax). */
    zeroGradient: 'guard' | 'nan';
  };
  /** Arithmetic the implementation steps in; sets the tolerance of every comparison. */
  precision: 'float32' | 'float64';
}

export interface ImplementationUnderTest {
  readonly name: string;
  capabilities(): Promise<Capabilities>;
  createSession(config: AlgorithmConfig, layout: Layout): Promise<ImplementationSession>;
  /** Frees the implementation (kills a subprocess). Safe to call twice. */
  dispose?(): Promise<void>;
}
