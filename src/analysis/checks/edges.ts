/**
 * SAM-edge claims (properties.md E1–E5, E9, C10), checked on the tfjs kernels' actual iterates
 * (SAM/USAM/SGD through createAlgorithm/step on a float32 quadratic) and on the edge functions
 * against the 64-digit oracle. Implementations are parameters so wrong variants can be plugged in.
 */
import fc from 'fast-check';
import { samEdge, usamEdge, momentumEdge, samEdgeTensor } from '../edges.js';
import { oracleSamEdge, momentumSpectralRadius, samMultiplier, usamMultiplier } from '../../oracle/edges.js';
import { spectralQuadratic, eigenCoordinates } from '../../oracle/claims/quadratic.js';
import { length, minus } from '../../oracle/vector.js';
import { tf } from '../../tf.js';
import { kernelTrajectory } from './tf_quadratic.js';
import { symmetricUniform, unitUniform } from './cases.js';
import { perCase, type Claim } from './registry.js';

export type Edge = (eta: number, rho: number, gradientNorm: number) => number;

const logUniform = (lo: number, hi: number): fc.Arbitrary<number> => unitUniform.map((u) => lo * (hi / lo) ** u);

export interface StepCase {
  eigenvalues: number[];
  reflections: number[][];
  theta: number[];
  eta: number;
  rho: number;
}

/** d ∈ 2..4, |λ| log-uniform in [lo, hi] (signed when indefinite), θ ∈ [−1, 1]^d with ‖Hθ‖ ≥ 1e-2. */
export const stepCaseArb = (lambda: [number, number], indefinite: boolean, eta: [number, number], rho: [number, number]): fc.Arbitrary<StepCase> =>
  fc
    .integer({ min: 2, max: 4 })
    .chain((d) =>
      fc.record({
        eigenvalues: fc.array(fc.tuple(logUniform(...lambda), fc.boolean()), { minLength: d, maxLength: d }).map((ps) => ps.map(([m, s]) => (indefinite && s ? -m : m))),
        reflections: fc.array(fc.array(symmetricUniform, { minLength: d, maxLength: d }), { minLength: 1, maxLength: d }),
        theta: fc.array(symmetricUniform, { minLength: d, maxLength: d }),
        eta: logUniform(...eta),
        rho: logUniform(...rho),
      }),
    )
    .filter((c) => c.reflections.every((v) => length(v) > 0.1) && length(matrixOf(c).map((row) => row.reduce((s, h, j) => s + h * c.theta[j], 0))) >= 1e-2);

const matrixOf = (c: StepCase): number[][] => spectralQuadratic({ eigenvalues: c.eigenvalues, reflections: c.reflections, center: c.eigenvalues.map(() => 0) }).matrix;

/** One kernel step, in eigencoordinates before and after, and G = ‖∇L(θ)‖. */
function oneKernelStep(algorithm: 'sam' | 'usam', c: StepCase): { before: number[]; after: number[]; gradientNorm: number } {
  const q = spectralQuadratic({ eigenvalues: c.eigenvalues, reflections: c.reflections, center: c.eigenvalues.map(() => 0) });
  const config = algorithm === 'sam' ? { algorithm, learningRate: c.eta, rho: c.rho } : { algorithm, learningRate: c.eta, rho: c.rho };
  const [, next] = kernelTrajectory(config, q.matrix, c.theta, 1);
  return { before: eigenCoordinates(q.eigen, c.theta), after: eigenCoordinates(q.eigen, next), gradientNorm: length(q.gradient(c.theta)) };
}

export type Multiplier = (c: StepCase, lambda: number, gradientNorm: number) => number;
export const samStepMultiplier: Multiplier = (c, l, g) => samMultiplier(c.eta, c.rho, g, l);
export const usamStepMultiplier: Multiplier = (c, l) => usamMultiplier(c.eta, c.rho, l);

/** E1/E4: every eigencomponent of the kernel's iterate is multiplied by exactly m(λ) (float32: 1e-5 of the step's scale). */
export const multiplierMatchesKernel =
  (algorithm: 'sam' | 'usam', multiplier: Multiplier) =>
  (c: StepCase): boolean =>
    tf.tidy(() => {
      const { before, after, gradientNorm } = oneKernelStep(algorithm, c);
      const predicted = before.map((y, i) => multiplier(c, c.eigenvalues[i], gradientNorm) * y);
      const scale = length(before) * Math.max(1, ...c.eigenvalues.map((l) => Math.abs(multiplier(c, l, gradientNorm))));
      return length(minus(after, predicted)) <= 1e-5 * scale;
    });

/**
 * E1/E4 consequence: a component with λ > 0 grows in magnitude iff λ > edge (components within 1%
 * of the edge, and ones too small to measure in float32, are skipped).
 */
export const growsIffAboveEdge =
  (algorithm: 'sam' | 'usam', edge: (c: StepCase, gradientNorm: number) => number) =>
  (c: StepCase): boolean => {
    const { before, after, gradientNorm } = oneKernelStep(algorithm, c);
    const e = edge(c, gradientNorm);
    return c.eigenvalues.every((l, i) => {
      if (l <= 0 || Math.abs(l - e) < 0.01 * e || Math.abs(before[i]) < 1e-3 * length(before)) return true;
      return Math.abs(after[i]) > Math.abs(before[i]) === l > e;
    });
  };

export const samEdgeOf = (edge: Edge) => (c: StepCase, g: number) => edge(c.eta, c.rho, g);
export const usamEdgeOf = (edge: (eta: number, rho: number) => number) => (c: StepCase) => edge(c.eta, c.rho);

export interface MomentumCase {
  eta: number;
  beta: number;
  nesterov: boolean;
  /** λ = edge·(1 + signedMargin), |margin| ∈ [0.05, 0.3]. */
  margin: number;
}

export const momentumCaseArb: fc.Arbitrary<MomentumCase> = fc.record({
  eta: logUniform(1e-2, 1),
  beta: fc.constantFrom(0, 0.5, 0.9),
  nesterov: fc.boolean(),
  margin: fc.tuple(logUniform(0.05, 0.3), fc.boolean()).map(([m, s]) => (s ? m : -m)),
});

/**
 * E2: SGD (with momentum β, heavy ball or Nesterov) on L = ½λθ²: the kernel's |θ| after 60 steps
 * exceeds |θ_0| iff λ > edge, and the float64 spectral radius is > 1 iff λ > edge.
 */
/** 60 steps: enough to see a radius of 1 ± 1% and few enough that a 1.6× growth stays finite in float32. */
const GD_STEPS = 60;

export const gdEdgeDecides =
  (edge: (eta: number, beta: number, nesterov: boolean) => number) =>
  (c: MomentumCase): boolean => {
    const lambda = edge(c.eta, c.beta, c.nesterov) * (1 + c.margin);
    const above = c.margin > 0;
    // A fast divergence overflows float32; 'skip' then keeps the last finite (large) iterate.
    const config = { algorithm: 'sgd' as const, learningRate: c.eta, momentum: c.beta, nesterov: c.nesterov, onNonFinite: 'skip' as const };
    const path = kernelTrajectory(config, [[lambda]], [1], GD_STEPS);
    const grows = Math.abs(path[GD_STEPS][0]) > 1;
    return grows === above && momentumSpectralRadius(c.eta, c.beta, lambda, c.nesterov) > 1 === above;
  };

/** η, ρ, G log-uniform over wide ranges, including 8ρ/(ηG) down to ~1e-14 (the root form's cancellation). */
export const edgeArgsArb = fc.record({ eta: logUniform(1e-4, 10), rho: logUniform(1e-12, 1), gradientNorm: logUniform(1e-4, 1e3) });
type EdgeArgs = { eta: number; rho: number; gradientNorm: number };

/** C10/E3.1: the float64 edge agrees with the 64-digit root-form oracle to 1e-13 relative. */
export const edgeMatchesOracle = (edge: Edge) => (a: EdgeArgs): boolean => {
  const o = oracleSamEdge(a.eta, a.rho, a.gradientNorm);
  return Math.abs(edge(a.eta, a.rho, a.gradientNorm) - o) <= 1e-13 * o;
};

/** E3.2–3.4: ηE + ηρE²/G = 2; 0 < E ≤ 2/η; E increases in G and decreases in ρ (steps of ≥ 1%, where 8ρ/(ηG) ≥ 1e-6). */
export const edgeShape = (edge: Edge) => (a: EdgeArgs): boolean => {
  const { eta, rho, gradientNorm: g } = a;
  const e = edge(eta, rho, g);
  const identity = Math.abs(eta * e + (eta * rho * e * e) / g - 2) <= 1e-12;
  const resolvable = (8 * rho) / (eta * g) >= 1e-6;
  const monotone = !resolvable || (edge(eta, rho, g * 1.01) > e && edge(eta, rho * 1.01, g) < e);
  return identity && e > 0 && e <= 2 / eta && monotone;
};

/**
 * E3.5: E → 2/η as 8ρ/(ηG) → 0, from either side: with ρ or G moved so that 8ρ/(ηG) = 1e-9,
 * ηE = 4/(1 + √(1 + 1e-9)) = 2 − 5e-10 to first order, so |ηE − 2| ≤ 1e-9.
 */
export const edgeLimits = (edge: Edge) => (a: EdgeArgs): boolean => {
  const x = 1e-9;
  const smallRho = (x * a.eta * a.gradientNorm) / 8;
  const largeG = (8 * a.rho) / (a.eta * x);
  return Math.abs(edge(a.eta, smallRho, a.gradientNorm) * a.eta - 2) <= x && Math.abs(edge(a.eta, a.rho, largeG) * a.eta - 2) <= x;
};

/** C10 special values: ρ = 0 → 2/η; G = 0 → 0; ρ = G = 0 → 2/η; and the float32 tensor form agrees (1e-5). */
export const edgeSpecialValues = (edge: Edge) => (a: EdgeArgs): boolean => {
  const tensor = tf.tidy(() => samEdgeTensor(a.eta, a.rho, tf.scalar(a.gradientNorm)).dataSync()[0]);
  const o = oracleSamEdge(a.eta, a.rho, a.gradientNorm);
  return (
    edge(a.eta, 0, a.gradientNorm) === 2 / a.eta &&
    edge(a.eta, a.rho, 0) === 0 &&
    edge(a.eta, 0, 0) === 2 / a.eta &&
    Math.abs(tensor - o) <= 1e-5 * o
  );
};

/** E5: from θ = ηλρ/(2 − ηλ) the SAM kernel lands on −θ (float32, 1e-5), and E(η, ρ, λθ) = λ (1e-12). */
export const twoCycleOnEdge =
  (amplitude: (eta: number, lambda: number, rho: number) => number, edge: Edge) =>
  (c: { eta: number; etaLambda: number; rho: number }): boolean => {
    const lambda = c.etaLambda / c.eta;
    const a = amplitude(c.eta, lambda, c.rho);
    const [, [next]] = kernelTrajectory({ algorithm: 'sam', learningRate: c.eta, rho: c.rho }, [[lambda]], [a], 1);
    return Math.abs(next + a) <= 1e-5 * a && Math.abs(edge(c.eta, c.rho, lambda * a) - lambda) <= 1e-12 * lambda;
  };
export const cycleAmplitude = (eta: number, lambda: number, rho: number): number => (eta * lambda * rho) / (2 - eta * lambda);
export const cycleCaseArb = fc.record({ eta: logUniform(1e-3, 1), etaLambda: unitUniform.map((u) => 0.1 + 1.8 * u), rho: logUniform(1e-3, 1) });

/** E9 (function level): E(η, ρ, cG) = c·E(cη, ρ, G), 1e-13 relative. */
export const edgeCovariant = (covariant: (edge: Edge, a: EdgeArgs, c: number) => number, edge: Edge) => (x: EdgeArgs & { c: number }): boolean => {
  const lhs = edge(x.eta, x.rho, x.c * x.gradientNorm);
  return Math.abs(lhs - covariant(edge, x, x.c)) <= 1e-13 * lhs;
};
export const scaledEdge = (edge: Edge, a: EdgeArgs, c: number): number => c * edge(c * a.eta, a.rho, a.gradientNorm);

/** E9 (optimizer level): 5 SAM kernel steps on c·L with step η match 5 steps on L with step c·η (1e-4 relative). */
export const trajectoryCovariant = (stepOnScaled: (eta: number, c: number) => number) => (x: StepCase & { c: number }): boolean => {
  const m = matrixOf(x);
  const a = kernelTrajectory({ algorithm: 'sam', learningRate: stepOnScaled(x.eta, x.c), rho: x.rho }, m, x.theta, 5, x.c);
  const b = kernelTrajectory({ algorithm: 'sam', learningRate: x.eta * x.c, rho: x.rho }, m, x.theta, 5);
  return a.every((p, t) => length(minus(p, b[t])) <= 1e-4 * (length(b[t]) + length(x.theta)));
};

const LB = 'Long & Bartlett, arXiv 2309.12488 (SAM-edge); google-deepmind/sam_edge';
const psdStep = stepCaseArb([0.1, 10], false, [1e-2, 0.5], [1e-2, 1]);

export const edgeClaims: Claim[] = [
  {
    id: 'E1',
    claim: 'One SAM step multiplies the λ-eigencomponent by exactly 1 − ηλ − ηρλ²/‖g‖',
    source: LB,
    conditions: 'symmetric H (PSD or indefinite), d ∈ 2..4, ‖g‖ ≥ 1e-2 ≫ ε, no momentum or weight decay; tfjs SAM kernel',
    status: 'always',
    property: 'SAM kernel step has the exact quadratic multiplier',
    run: perCase(stepCaseArb([0.1, 10], true, [1e-3, 0.5], [1e-3, 0.5]), multiplierMatchesKernel('sam', samStepMultiplier), 40),
  },
  {
    id: 'E1-edge',
    claim: 'A component with λ > 0 grows iff λ > E(η, ρ, ‖g‖)',
    source: LB,
    conditions: 'PSD H, ‖g‖ the full current gradient norm; components within 1% of E skipped; tfjs SAM kernel',
    status: 'always',
    property: 'SAM kernel component grows iff above the SAM-edge',
    run: perCase(psdStep, growsIffAboveEdge('sam', samEdgeOf(samEdge)), 40),
  },
  {
    id: 'E2',
    claim: 'GD edge 2/η; momentum edges (2 + 2β)/η (heavy ball), (2 + 2β)/((1 + 2β)η) (Nesterov)',
    source: 'Cohen et al., arXiv 2103.00065 (recalled); re-derived',
    conditions: 'L = ½λθ², λ = edge·(1 ± m), m ∈ [0.05, 0.3], β ∈ {0, 0.5, 0.9}, 60 steps of the tfjs SGD kernel',
    status: 'always',
    property: 'SGD kernel diverges iff above its edge',
    run: perCase(momentumCaseArb, gdEdgeDecides(momentumEdge), 20),
  },
  {
    id: 'E3',
    claim: 'E = 4/(η(1 + √(1 + 8ρ/(ηG)))): ηE + ηρE²/G = 2, 0 < E ≤ 2/η, increasing in G, decreasing in ρ, → 2/η',
    source: `${LB} (root form); rationalised form derived`,
    conditions: 'η ∈ [1e-4, 10], ρ ∈ [1e-12, 1], G ∈ [1e-4, 1e3] log-uniform',
    status: 'always',
    property: 'SAM-edge has its defining identity, bounds, monotonicity and limits',
    run: perCase(edgeArgsArb, (a) => edgeShape(samEdge)(a) && edgeLimits(samEdge)(a), 300),
  },
  {
    id: 'C10',
    claim: 'The edge kernel matches the 64-digit oracle everywhere, with ρ = 0 → 2/η, G = 0 → 0, ρ = G = 0 → 2/η',
    source: 'derived (algorithms.md §9 implementation notes)',
    conditions: 'same ranges as E3, including 8ρ/(ηG) ≈ 1e-14 where the root form cancels; float32 tensor form to 1e-5',
    status: 'always',
    property: 'SAM-edge kernel is stable and has the special values',
    run: perCase(edgeArgsArb, (a) => edgeMatchesOracle(samEdge)(a) && edgeSpecialValues(samEdge)(a), 300),
  },
  {
    id: 'E4',
    claim: 'USAM multiplies by 1 − ηλ − ηρλ²; a component grows iff λ > E(η, ρ, 1)',
    source: 'derived; Agarwala & Dauphin, arXiv 2302.08692',
    conditions: 'symmetric H (multiplier), PSD H (edge), ‖g‖ ≥ 1e-2; tfjs USAM kernel',
    status: 'always',
    property: 'USAM kernel step has its multiplier and edge',
    run: perCase(psdStep, (c) => multiplierMatchesKernel('usam', usamStepMultiplier)(c) && growsIffAboveEdge('usam', usamEdgeOf(usamEdge))(c), 40),
  },
  {
    id: 'E5',
    claim: 'SAM’s 2-cycle ±ηλρ/(2 − ηλ) sits exactly on its own edge: E(η, ρ, G_cycle) = λ',
    source: 'Bartlett, Long & Bousquet, arXiv 2210.01513; derived',
    conditions: 'L = ½λθ², ηλ ∈ [0.1, 1.9], ρ ∈ [1e-3, 1]; tfjs SAM kernel, one step',
    status: 'always',
    property: 'SAM 2-cycle lies on the SAM-edge',
    run: perCase(cycleCaseArb, twoCycleOnEdge(cycleAmplitude, samEdge), 40),
  },
  {
    id: 'E9',
    claim: 'Loss scaling: E(η, ρ, cG) = c·E(cη, ρ, G); SAM on cL with step η is SAM on L with step cη',
    source: 'derived',
    conditions: 'c ∈ [1e-2, 1e2]; trajectory: 5 tfjs SAM kernel steps, PSD H, 1e-4 relative',
    status: 'always',
    property: 'SAM-edge and SAM trajectories are covariant under loss scaling',
    run: perCase(
      fc.record({ args: edgeArgsArb, step: stepCaseArb([0.1, 10], false, [1e-3, 0.1], [1e-3, 0.1]), c: logUniform(1e-2, 1e2) }),
      (x) => edgeCovariant(scaledEdge, samEdge)({ ...x.args, c: x.c }) && trajectoryCovariant((eta) => eta)({ ...x.step, c: x.c }),
      15,
    ),
  },
];
