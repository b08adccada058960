import { tf, type Scalar } from '../tf.js';
import { fixedPathLength, runAscent } from './ascent.js';
import { add, globalNorm, normalized, scale } from './tree.js';
import { nextPass, type GradientEstimator, type Objective, type StepContext, type Tree } from './types.js';

/** spec/algorithms.md §6: below this sin ψ the reference falls back to (v_0 + v_1)/2. */
export const SIN_PSI_FALLBACK = 1e-8;

/**
 * ψ = ∠(v_0, v_1). 'atan2' (default): 2·atan2(‖v_0 − v_1‖, ‖v_0 + v_1‖), accurate on [0, π] and
 * never NaN for finite inputs. 'arccos': the reference's unclamped arccos(v_0·v_1), kept only to
 * reproduce hazard H1 (NaN when rounding pushes the dot product above 1).
 */
export type AngleFormula = 'atan2' | 'arccos';

export function angleBetween(v0: Tree, v1: Tree, formula: AngleFormula): Scalar {
  if (formula === 'arccos') return tf.acos(tf.addN(v0.map((x, i) => tf.sum(tf.mul(x, v1[i]))))) as Scalar;
  return tf.mul(2, tf.atan2(tf.sqrt(squaredDistance(v0, v1)), globalNorm(add(v0, v1)))) as Scalar;
}

/** ‖a − b‖², with (a − b)² as one squaredDifference kernel. */
function squaredDistance(a: Tree, b: Tree): Scalar {
  return tf.addN(a.map((x, i) => tf.sum(tf.squaredDifference(x, b[i])))) as Scalar;
}

/**
 * The 'atan2' ψ of `angleBetween` with one pass over θ instead of two in the usual case, for the
 * step's hot path: d² = ‖v_0 − v_1‖² is computed; when d² < 2 (ψ < π/2) the parallelogram law
 * gives s² = ‖v_0 + v_1‖² = 2‖v_0‖² + 2‖v_1‖² − d² ≥ 2‖v_0‖² + 2‖v_1‖² − 2, free of cancellation
 * because it is the larger of the two (relative error O(u)); otherwise ‖v_0 + v_1‖ is computed.
 * ‖v_i‖ = n_i/(n_i + ε) from the norms n_i the normalization computed (v_i = x_i/(n_i + ε)).
 * Checked against the float64 angle by properties/family/xsam_angle.test.ts.
 */
export function normalizedAngle(v0: Tree, v1: Tree, n0: Scalar, n1: Scalar, epsilon: number): number {
  const [d2, a, b] = tf.tidy(() => tf.stack([squaredDistance(v0, v1), n0, n1]).dataSync());
  const unitNorm2 = (n: number) => (n / (n + epsilon)) ** 2;
  const s2 = d2! < 2 ? 2 * unitNorm2(a!) + 2 * unitNorm2(b!) - d2! : tf.tidy(() => tf.square(globalNorm(add(v0, v1))).dataSync()[0]!);
  return 2 * Math.atan2(Math.sqrt(d2!), Math.sqrt(Math.max(0, s2)));
}

/** The α grid of the reference: α_j = j·Δα, j = 0..N−1, N = ⌈(α_max + 1e-5)/Δα⌉. */
export function alphaGrid(alphaMax: number, alphaDelta: number): number[] {
  const n = Math.ceil((alphaMax + 1e-5) / alphaDelta);
  return Array.from({ length: n }, (_, j) => j * alphaDelta);
}

/** v(α) = a·v_0 + b·v_1; the reference's ratio form, or its fallback (½, ½) when sin ψ < 1e-8. */
export function slerpCoefficients(psi: number, alpha: number): { a: number; b: number; fallback: boolean } {
  const s = Math.sin(psi);
  // NaN ψ (arccos mode) fails this test, exactly as torch.where does in the reference.
  if (s < SIN_PSI_FALLBACK) return { a: 0.5, b: 0.5, fallback: true };
  return { a: Math.sin((1 - alpha) * psi) / s, b: Math.sin(alpha * psi) / s, fallback: false };
}

export function slerp(v0: Tree, v1: Tree, psi: number, alpha: number): Tree {
  const { a, b } = slerpCoefficients(psi, alpha);
  return v0.map((x, i) => tf.add(tf.mul(x, a), tf.mul(v1[i], b)));
}

/**
 * The reference's probe choice: losses in increasing-α order, strict '>' so ties keep the smaller
 * α. samcheck starts the running maximum at −∞ (hazard H4); `referenceInit` starts it at 0 with
 * α = 0 as the official code does. Non-finite losses never win.
 */
export function chooseAlpha(grid: number[], losses: number[], referenceInit: boolean): number {
  let best = referenceInit ? 0 : -Infinity;
  let alpha = referenceInit ? 0 : grid[0];
  losses.forEach((loss, j) => {
    if (loss > best) {
      best = loss;
      alpha = grid[j];
    }
  });
  return alpha;
}

export interface XsamOptions {
  rho: number;
  steps: number;
  rhoMax: number;
  epsilon: number;
  /** Re-choose α by probing (XSAM); off = static slerp with `alpha`. */
  dynamic: boolean;
  alphaMax: number;
  alphaDelta: number;
  /** Probe at iterations 0, P, 2P, … (P = iterations per epoch reproduces the reference). */
  probeInterval: number;
  referenceProbeInit: boolean;
  angle: AngleFormula;
}

export interface XsamState {
  /** The α in force (the initial/static α until the first probe). */
  alpha: number;
}

function probeLosses(params: Tree, direction: (alpha: number) => Tree, grid: number[], rhoMax: number, objective: Objective, ctx: StepContext): number[] {
  // No inner tidy: step() keeps every pass's loss to check it is finite, and frees them after.
  return grid.map((alpha) => objective.value(add(params, scale(direction(alpha), rhoMax)), nextPass(ctx, 'probe')).dataSync()[0]);
}

/**
 * XSAM exactly as the official code (spec/algorithms.md §6): k-step fixed-path ascent, v_0 = unit
 * displacement, v_1 = unit g_k, update ‖g_k‖·v(α). The probe loop only reads cached v_0, v_1, ψ.
 */
export function xsamGradient(o: XsamOptions, initialAlpha: number): GradientEstimator<XsamState> {
  const grid = alphaGrid(o.alphaMax, o.alphaDelta);
  return {
    init: () => ({ alpha: initialAlpha }),
    estimate(params, objective, state, ctx) {
      const path = runAscent(fixedPathLength(o.rho, o.steps), o.epsilon, params, objective, ctx);
      const gk = path.gradients[path.gradients.length - 1];
      const { unit: v0, norm: displacementNorm } = normalized(path.displacement, o.epsilon);
      // ‖g_k‖ without a guard, as in the reference: the norm normalized() computed anyway.
      const { unit: v1, norm: magnitude } = normalized(gk, o.epsilon);
      const psi = o.angle === 'atan2' ? normalizedAngle(v0, v1, displacementNorm, magnitude, o.epsilon) : angleBetween(v0, v1, o.angle).dataSync()[0]!;
      const probed = o.dynamic && ctx.iteration % o.probeInterval === 0;
      const alpha = probed
        ? chooseAlpha(grid, probeLosses(params, (a) => slerp(v0, v1, psi, a), grid, o.rhoMax, objective, ctx), o.referenceProbeInit)
        : state.alpha;
      const { a, b, fallback } = slerpCoefficients(psi, alpha);
      // ‖g_k‖·v(α) = (‖g_k‖a)·v_0 + (‖g_k‖b)·v_1: the scale folded into the slerp saves a pass over θ.
      const ca = tf.mul(magnitude, a);
      const cb = tf.mul(magnitude, b);
      const grads = v0.map((x, i) => tf.add(tf.mul(x, ca), tf.mul(v1[i], cb)));
      const scalars = {
        psi,
        alpha,
        probed: probed ? 1 : 0,
        fallback: fallback ? 1 : 0,
        // Hazard H2: the fallback at ψ ≈ π makes the update (v_0 + v_1)/2 ≈ 0; report it.
        psiNearPi: fallback && psi > Math.PI / 2 ? 1 : 0,
      };
      return {
        grads,
        state: { alpha },
        info: {
          loss: path.loss,
          scalars,
          ...(ctx.record
            ? { cleanGradient: path.cleanGradient, perturbation: path.displacement, ascentPoints: path.points, appliedGradient: grads }
            : {}),
        },
      };
    },
  };
}
