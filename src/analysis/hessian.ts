/**
 * Sharpness estimators on any kernel Objective (spec/algorithms.md §10, properties.md E11):
 * a central-difference Hessian-vector product of gradients (Long & Bartlett: no double backprop),
 * power iteration on it (largest |λ|), and Lanczos with full reorthogonalisation (top few).
 * The iteration vectors live in float64 on the host; only the HVPs run on the tf backend.
 */
import { tf } from '../tf.js';
import { axpy, fromFlat, sub, scale, toFlat } from '../kernels/tree.js';
import type { Objective, Tree } from '../kernels/types.js';
import { createRandom } from '../data/random.js';
import { positive, positiveInteger, oneOf, inRange } from '../validate.js';
import { symmetricEigen } from './symmetric_eigen.js';
import { InvalidArgumentError } from '../errors.js';

export interface HvpOptions {
  /** Central-difference step ε_fd (default 1e-3, as Long & Bartlett). */
  epsilonFd?: number;
}

const dotF = (a: Float64Array, b: Float64Array): number => a.reduce((s, x, i) => s + x * b[i], 0);
const normF = (a: Float64Array): number => Math.sqrt(dotF(a, a));
const scaleF = (a: Float64Array, s: number): Float64Array => a.map((x) => x * s);

/** Hv ≈ (∇L(θ + εv) − ∇L(θ − εv))/(2ε), exact up to rounding when L is quadratic. Passes are 'probe' passes. */
export function finiteDifferenceHvp(objective: Objective, params: Tree, v: Tree, options: HvpOptions = {}): Tree {
  const eps = positive('epsilonFd', options.epsilonFd ?? 1e-3);
  return tf.tidy(() => {
    const plus = objective.valueAndGrad(axpy(params, eps, v), { kind: 'probe', index: 0 }).grads;
    const minus = objective.valueAndGrad(axpy(params, -eps, v), { kind: 'probe', index: 1 }).grads;
    return scale(sub(plus, minus), 1 / (2 * eps));
  });
}

/** The HVP as a float64 host map v ↦ Hv over the flattened parameters. */
function hostHvp(objective: Objective, params: Tree, options: HvpOptions): (v: Float64Array) => Float64Array {
  const shapes = params.map((p) => p.shape);
  return (v) => {
    const tv = fromFlat(v, shapes);
    const hv = finiteDifferenceHvp(objective, params, tv, options);
    const out = toFlat(hv);
    tf.dispose([...tv, ...hv]);
    return out;
  };
}

function randomUnit(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const v = Float64Array.from({ length: n }, () => random.normal());
  return scaleF(v, 1 / normF(v));
}

export interface PowerIterationOptions extends HvpOptions {
  /** Stop when |‖Hv‖ − ‖Hv‖_prev|/‖Hv‖_prev < tol (default 1e-3). */
  tol?: number;
  maxIterations?: number;
  seed?: number;
  /** Flag a ±λ tie when |vᵀHv| < (1 − tieTolerance)·‖Hv‖ (default 0.05). */
  tieTolerance?: number;
  /** Start vector (e.g. the previous estimate's, to track λ over training in few iterations); default a seeded random unit vector. */
  start?: Float64Array;
}

export interface PowerIterationResult {
  /** The Rayleigh quotient vᵀHv: the signed eigenvalue of largest |λ| (unreliable under a ±λ tie). */
  eigenvalue: number;
  /** ‖Hv‖: the operator-norm estimate |λ|_max, correct even under a ±λ tie. */
  norm: number;
  iterations: number;
  converged: boolean;
  /** |vᵀHv| disagrees with ‖Hv‖: v mixes eigenvectors of ±λ, so the sign of λ is unknown. */
  signAmbiguous: boolean;
  vector: Float64Array;
}

/** Long & Bartlett's power iteration (§10.1): finds the eigenvalue of largest magnitude, not the largest value. */
export function powerIteration(objective: Objective, params: Tree, options: PowerIterationOptions = {}): PowerIterationResult {
  const tol = positive('tol', options.tol ?? 1e-3);
  const maxIterations = positiveInteger('maxIterations', options.maxIterations ?? 100);
  const tieTolerance = inRange('tieTolerance', options.tieTolerance ?? 0.05, 0, 1);
  const hvp = hostHvp(objective, params, options);
  const size = toFlatSize(params);
  if (options.start && (options.start.length !== size || !(normF(options.start) > 0))) {
    throw new InvalidArgumentError('start', options.start.length, `a nonzero vector of ${size} values (the flattened parameters)`, 'INVALID_ARGUMENT');
  }
  let v = options.start ? scaleF(options.start, 1 / normF(options.start)) : randomUnit(size, options.seed ?? 0);
  let previous = NaN;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const hv = hvp(v);
    const n = normF(hv);
    iterations++;
    if (n === 0) break;
    v = scaleF(hv, 1 / n);
    if (Math.abs(n - previous) / previous < tol) {
      converged = true;
      break;
    }
    previous = n;
  }
  const hv = hvp(v);
  const eigenvalue = dotF(v, hv);
  const norm = normF(hv);
  return { eigenvalue, norm, iterations, converged, signAmbiguous: Math.abs(eigenvalue) < (1 - tieTolerance) * norm, vector: v };
}

const toFlatSize = (params: Tree): number => params.reduce((s, p) => s + p.size, 0);

export interface LanczosOptions extends HvpOptions {
  /** How many eigenvalues to return (default 1). */
  k?: number;
  /** Krylov dimension (default min(dim, 40)). */
  steps?: number;
  /** 'LM': largest magnitude, as scipy eigsh's default (Cohen et al.); 'LA': largest algebraic. */
  which?: 'LM' | 'LA';
  seed?: number;
}

/** Lanczos with full reorthogonalisation (§10.2 on the FD HVP): the top-k Ritz values, ordered by `which`. */
export function lanczos(objective: Objective, params: Tree, options: LanczosOptions = {}): { eigenvalues: number[]; steps: number } {
  const dim = toFlatSize(params);
  const k = positiveInteger('k', options.k ?? 1);
  const steps = Math.min(dim, positiveInteger('steps', options.steps ?? Math.min(dim, 40)));
  const which = oneOf('which', options.which ?? 'LM', ['LM', 'LA'] as const);
  const hvp = hostHvp(objective, params, options);
  const basis: Float64Array[] = [randomUnit(dim, options.seed ?? 0)];
  const alpha: number[] = [];
  const beta: number[] = [];
  for (let j = 0; j < steps; j++) {
    const w = hvp(basis[j]);
    alpha.push(dotF(basis[j], w));
    // Full reorthogonalisation, twice ("twice is enough"): the three-term recurrence alone loses orthogonality.
    for (let pass = 0; pass < 2; pass++) for (const q of basis) axpyF(w, -dotF(q, w), q);
    const b = normF(w);
    if (j === steps - 1 || b <= 1e-10 * Math.max(...alpha.map(Math.abs), 1e-300)) break;
    beta.push(b);
    basis.push(scaleF(w, 1 / b));
  }
  const m = alpha.length;
  const t = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i === j ? alpha[i] : Math.abs(i - j) === 1 ? beta[Math.min(i, j)] : 0)));
  const ritz = symmetricEigen(t).values.sort(which === 'LM' ? (a, b) => Math.abs(b) - Math.abs(a) : (a, b) => b - a);
  return { eigenvalues: ritz.slice(0, Math.min(k, m)), steps: m };
}

function axpyF(y: Float64Array, s: number, x: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += s * x[i];
}
