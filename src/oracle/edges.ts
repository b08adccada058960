/**
 * Stability thresholds ("edges", spec/algorithms.md §9) as oracles: the SAM-edge in its root form
 * evaluated with 64-digit BigNumbers (so the root form's cancellation cannot matter), and the
 * exact one-step multipliers / spectral radii the edges are defined by, in float64.
 */
import * as math from 'mathjs';

const big = math.create(math.all, { number: 'BigNumber', precision: 64 });

/**
 * E(η, ρ, G) = (G/(2ρ))·(√(1 + 8ρ/(ηG)) − 1), the root of (ηρ/G)λ² + ηλ − 2 = 0, to 64 digits.
 * Special values (C10): ρ = 0 → 2/η (also with G = 0, by definition); G = 0 < ρ → 0.
 */
export function oracleSamEdge(eta: number, rho: number, gradientNorm: number): number {
  if (rho === 0) return 2 / eta;
  if (gradientNorm === 0) return 0;
  const [e, r, g] = [eta, rho, gradientNorm].map((v) => big.bignumber(v));
  const root = big.sqrt(big.add(1, big.divide(big.multiply(8, r), big.multiply(e, g))) as math.BigNumber) as math.BigNumber;
  return Number(big.multiply(big.divide(g, big.multiply(2, r)), big.subtract(root, 1)));
}

/** E_USAM(η, ρ) = E(η, ρ, 1) (E4). */
export const oracleUsamEdge = (eta: number, rho: number): number => oracleSamEdge(eta, rho, 1);

/** E1: the exact factor normalised SAM multiplies the λ-eigencomponent by in one step. */
export const samMultiplier = (eta: number, rho: number, gradientNorm: number, lambda: number): number =>
  1 - eta * lambda - (eta * rho * lambda * lambda) / gradientNorm;

/** E4: USAM's factor 1 − ηλ − ηρλ². */
export const usamMultiplier = (eta: number, rho: number, lambda: number): number => 1 - eta * lambda - eta * rho * lambda * lambda;

/**
 * Spectral radius of torch SGD with momentum β on L = ½λθ² (state (θ, buf)):
 * heavy ball [[1 − ηλ, −ηβ], [λ, β]]; Nesterov [[1 − η(1+β)λ, −ηβ²], [λ, β]] (E2). β = 0 gives |1 − ηλ|.
 */
export function momentumSpectralRadius(eta: number, beta: number, lambda: number, nesterov: boolean): number {
  const [a, b, c, d] = nesterov ? [1 - eta * (1 + beta) * lambda, -eta * beta * beta, lambda, beta] : [1 - eta * lambda, -eta * beta, lambda, beta];
  const trace = a + d;
  const det = a * d - b * c;
  const disc = trace * trace - 4 * det;
  if (disc < 0) return Math.sqrt(det);
  const s = Math.sqrt(disc);
  return Math.max(Math.abs((trace + s) / 2), Math.abs((trace - s) / 2));
}
