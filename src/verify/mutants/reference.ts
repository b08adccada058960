/**
 * A deliberately plain float64 SGD/SAM/USAM/ASAM written the way ports are written (a class
 * with one method per stage); the rest of the family is in reference_family.ts. Unmodified it
 * passes the suite; each mutant in the catalog overrides one method with a bug seen (or easy to
 * make) in public implementations.
 */
import { adaptiveMask } from '../../kernels/algorithms/asam.js';
import { perCoordinate } from '../../oracle/algorithms.js';
import type { AlgorithmConfig, Capabilities, GradientOracle, ImplementationUnderTest, Layout, SampleSelection } from '../types.js';

export type V = number[];
export const add = (a: V, b: V): V => a.map((x, i) => x + b[i]);
export const sub = (a: V, b: V): V => a.map((x, i) => x - b[i]);
export const times = (s: number, a: V): V => a.map((x) => s * x);
export const norm = (a: V): number => Math.sqrt(a.reduce((s, x) => s + x * x, 0));

/** The resolved hyperparameters the harness sends (every key present). */
export interface Hp {
  algorithm: string;
  learningRate: number;
  momentum: number;
  dampening: number;
  nesterov: boolean;
  weightDecay: number;
  weightDecayIn: 'base' | 'loss';
  rho: number;
  epsilon: number;
  etaT: number;
  adaptive: 'all' | 'exclude-biases' | boolean[];
  // The rest of the family (present only for those algorithms).
  steps: number;
  ascent: 'fixed-path' | 'projected';
  stepSizeMultiplier: number;
  applied: 'last' | 'average';
  alpha: number;
  m: number;
  temperature: number | 'infinity';
  h: number;
}

export class ReferenceStep {
  buffer: V | null = null;
  /** Scratch a buggy subclass may keep between steps. */
  previousClean: V | null = null;

  constructor(
    readonly c: Hp,
    readonly layout: Layout,
  ) {}

  step(theta0: V, oracle: GradientOracle): V {
    const g0 = this.gradient(theta0, oracle);
    if (this.c.algorithm === 'sgd') return this.base(theta0, g0, g0);
    const delta = this.perturbation(this.ascentDirection(g0, theta0), theta0);
    const gFinal = this.gradient(this.ascentPoint(theta0, delta), oracle);
    return this.base(this.restored(theta0, delta), this.applied(g0, gFinal), g0);
  }

  /** ∇ of the loss every pass sees (with the L2 term in 'loss' mode), over the batch or a selection of samples. */
  gradient(point: V, oracle: GradientOracle, selection?: SampleSelection): V {
    const g = oracle.evaluate(point, ['value', 'gradient'], selection).gradient!;
    return this.c.weightDecayIn === 'loss' ? add(g, times(this.c.weightDecay, point)) : g;
  }

  ascentDirection(g0: V, _theta0: V): V {
    return g0;
  }

  perturbation(g: V, theta: V): V {
    if (this.c.algorithm === 'usam') return times(this.c.rho, g);
    if (this.c.algorithm === 'asam') return this.asamPerturbation(g, theta);
    return this.samPerturbation(g);
  }

  samPerturbation(g: V): V {
    return times(this.c.rho / (norm(g) + this.c.epsilon), g);
  }

  adaptiveCoordinates(): boolean[] {
    return perCoordinate(adaptiveMask(this.c.adaptive, { names: this.layout.names }), this.layout);
  }

  asamScale(theta: V): V {
    const flags = this.adaptiveCoordinates();
    return theta.map((x, j) => (flags[j] ? Math.abs(x) + this.c.etaT : 1));
  }

  asamPerturbation(g: V, theta: V): V {
    const t = this.asamScale(theta);
    const tg = g.map((x, j) => t[j] * x);
    const n = norm(tg) + this.c.epsilon;
    return tg.map((x, j) => (this.c.rho * t[j] * x) / n);
  }

  ascentPoint(theta0: V, delta: V): V {
    return add(theta0, delta);
  }

  restored(theta0: V, _delta: V): V {
    return theta0;
  }

  applied(_g0: V, gFinal: V): V {
    return gFinal;
  }

  /** torch.optim.SGD at θ (spec/algorithms.md §1). */
  base(theta: V, grad: V, _g0: V): V {
    const { learningRate: lr, momentum: beta, nesterov } = this.c;
    let d = this.withWeightDecay(grad, theta);
    if (beta !== 0) {
      this.buffer = this.nextBuffer(this.buffer, d);
      d = nesterov ? add(d, times(beta, this.buffer)) : this.buffer;
    }
    return sub(theta, times(lr, d));
  }

  withWeightDecay(grad: V, theta: V): V {
    const wd = this.c.weightDecayIn === 'base' ? this.c.weightDecay : 0;
    return wd !== 0 ? add(grad, times(wd, theta)) : grad;
  }

  nextBuffer(buffer: V | null, d: V): V {
    return buffer === null ? [...d] : add(times(this.c.momentum, buffer), times(1 - this.c.dampening, d));
  }
}

export const FULL_OPTIONS: Capabilities['options'] = { momentum: true, dampening: true, nesterov: true, weightDecay: true, weightDecayIn: ['base', 'loss'] };

/** An in-process float64 implementation built from a ReferenceStep (sub)class. */
export function referenceImplementation(
  name: string,
  make: (c: Hp, layout: Layout) => ReferenceStep,
  algorithms: string[] = ['sgd', 'sam', 'usam', 'asam'],
): ImplementationUnderTest {
  const caps: Capabilities = { algorithms: Object.fromEntries(algorithms.map((a) => [a, {}])), options: FULL_OPTIONS, policies: { zeroGradient: 'guard' }, finiteSum: true, precision: 'float64' };
  return {
    name,
    capabilities: async () => caps,
    async createSession(config: AlgorithmConfig, layout: Layout) {
      const impl = make(config as unknown as Hp, layout);
      return { step: async (params, oracle) => ({ params: impl.step([...params], oracle) }), close: async () => {} };
    },
  };
}
