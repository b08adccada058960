/**
 * The plain float64 reference for the rest of the family: multi-step SAM, XSAM (static α),
 * m-SAM, n-SAM and RW-SAM (samcheck definition), one method per stage so that a mutant
 * overrides exactly one (spec/family.md §1, spec/protocol.md §3.1). Written from the spec, not
 * from src/oracle: the suite compares the two.
 */
import type { GradientOracle } from '../types.js';
import { ReferenceStep, add, norm, sub, times, type V } from './reference.js';

export const unit = (a: V, epsilon: number): V => times(1 / (norm(a) + epsilon), a);
export const mean = (vs: V[]): V => vs[0].map((_, j) => vs.reduce((s, v) => s + v[j], 0) / vs.length);
export const dot = (a: V, b: V): number => a.reduce((s, x, i) => s + x * b[i], 0);

export interface AscentPath {
  delta: V;
  /** g_1..g_k: the gradients at the ascent points θ_0 + δ_i. */
  gradients: V[];
}

export class FamilyReferenceStep extends ReferenceStep {
  override step(theta0: V, oracle: GradientOracle): V {
    switch (this.c.algorithm) {
      case 'multistep-sam':
        return this.multiStep(theta0, oracle);
      case 'xsam':
        return this.xsam(theta0, oracle);
      case 'm-sam':
        return this.mSam(theta0, oracle);
      case 'n-sam':
        return this.nSam(theta0, oracle);
      case 'rw-sam':
        return this.rwSam(theta0, oracle);
      default:
        return super.step(theta0, oracle);
    }
  }

  // --- multi-step SAM (family.md §1.1) -------------------------------------------------------
  multiStep(theta0: V, oracle: GradientOracle): V {
    const g0 = this.gradient(theta0, oracle);
    const path = this.ascentPath(theta0, g0, oracle);
    return this.base(theta0, this.multiStepApplied(path, g0), g0);
  }

  ascentStepCount(): number {
    return this.c.steps;
  }

  ascentPath(theta0: V, g0: V, oracle: GradientOracle): AscentPath {
    let delta = theta0.map(() => 0);
    let g = g0;
    const gradients: V[] = [];
    for (let i = 0; i < this.ascentStepCount(); i++) {
      delta = this.ascentStep(delta, this.ascentDirectionAt(g, g0));
      g = this.gradient(add(theta0, delta), oracle);
      gradients.push(g);
    }
    return { delta, gradients };
  }

  /** The gradient the i-th ascent step normalises: the one at the current ascent point. */
  ascentDirectionAt(g: V, _g0: V): V {
    return g;
  }

  /** Fixed path: δ + (ρ/k)·ĝ. Projected: Π_ρ(δ + c·ρ·ĝ). XSAM always takes the fixed path. */
  ascentStep(delta: V, g: V): V {
    if (this.c.algorithm === 'multistep-sam' && this.c.ascent === 'projected') {
      return this.project(add(delta, times(this.c.stepSizeMultiplier * this.c.rho, unit(g, this.c.epsilon))));
    }
    return add(delta, times(this.c.rho / this.c.steps, unit(g, this.c.epsilon)));
  }

  /** Π_ρ(x) = x·min(1, ρ/‖x‖). */
  project(x: V): V {
    const n = norm(x);
    return n > this.c.rho ? times(this.c.rho / n, x) : x;
  }

  multiStepApplied(path: AscentPath, _g0: V): V {
    return this.c.applied === 'average' ? mean(path.gradients) : path.gradients[path.gradients.length - 1];
  }

  // --- XSAM, static α (family.md §1.2) -------------------------------------------------------
  xsam(theta0: V, oracle: GradientOracle): V {
    const g0 = this.gradient(theta0, oracle);
    const path = this.ascentPath(theta0, g0, oracle);
    const gk = path.gradients[path.gradients.length - 1];
    const v0 = this.xsamV0(path, g0);
    const v1 = unit(gk, this.c.epsilon);
    const u = this.slerp(v0, v1, this.xsamAngle(v0, v1), this.c.alpha);
    return this.base(theta0, times(this.xsamScale(gk, g0), u), g0);
  }

  xsamV0(path: AscentPath, _g0: V): V {
    return unit(path.delta, this.c.epsilon);
  }

  /** ψ = 2·atan2(‖v_0 − v_1‖, ‖v_0 + v_1‖): never NaN (the reference's arccos is hazard H1). */
  xsamAngle(v0: V, v1: V): number {
    return 2 * Math.atan2(norm(sub(v0, v1)), norm(add(v0, v1)));
  }

  /** u = (v_0 + v_1)/2 if sin ψ < 1e-8, else [sin((1−α)ψ)·v_0 + sin(αψ)·v_1]/sin ψ. */
  slerp(v0: V, v1: V, psi: number, alpha: number): V {
    if (!(Math.sin(psi) >= 1e-8)) return Number.isNaN(psi) ? v0.map(() => NaN) : times(0.5, add(v0, v1));
    return add(times(Math.sin((1 - alpha) * psi) / Math.sin(psi), v0), times(Math.sin(alpha * psi) / Math.sin(psi), v1));
  }

  /** The update is ‖g_k‖·u (no guard). */
  xsamScale(gk: V, _g0: V): number {
    return norm(gk);
  }

  // --- m-SAM (§1.3) -------------------------------------------------------------------------
  mSam(theta0: V, oracle: GradientOracle): V {
    const finals = this.microBatches(oracle).map((samples) => {
      const g = this.gradient(theta0, oracle, { samples });
      return this.gradient(add(theta0, this.samPerturbation(g)), oracle, { samples });
    });
    return this.base(theta0, this.combineMicroBatches(finals), finals[0]);
  }

  /** Contiguous slices of size m of the batch, in batch order. */
  microBatches(oracle: GradientOracle): number[][] {
    const batch = oracle.data!.batch;
    return Array.from({ length: batch.length / this.c.m }, (_, j) => batch.slice(j * this.c.m, (j + 1) * this.c.m));
  }

  combineMicroBatches(gradients: V[]): V {
    return mean(gradients);
  }

  // --- n-SAM (§1.4) -------------------------------------------------------------------------
  nSam(theta0: V, oracle: GradientOracle): V {
    const gPerturb = this.gradient(theta0, oracle, this.nSamPerturbationSamples(oracle));
    const delta = this.samPerturbation(gPerturb);
    return this.base(theta0, this.gradient(add(theta0, delta), oracle, this.nSamDescentSamples(oracle)), gPerturb);
  }

  /** The perturbation uses the full data L_n … */
  nSamPerturbationSamples(oracle: GradientOracle): { samples: number[] } | undefined {
    return { samples: oracle.data!.full };
  }

  /** … and the descent gradient the batch. */
  nSamDescentSamples(_oracle: GradientOracle): { samples: number[] } | undefined {
    return undefined;
  }

  // --- RW-SAM, samcheck definition (§1.5) ---------------------------------------------------
  rwSam(theta0: V, oracle: GradientOracle): V {
    const g = this.gradient(theta0, oracle);
    let gp = g;
    if (this.c.temperature !== 'infinity') {
      const batch = oracle.data!.batch;
      const weights = this.gibbsWeights(this.sampleScores(theta0, unit(g, this.c.epsilon), oracle));
      gp = this.gradient(theta0, oracle, { samples: batch, weights });
    }
    const delta = this.samPerturbation(gp);
    return this.base(theta0, this.rwSamDescent(add(theta0, delta), oracle), g);
  }

  /** s_i = (f_i(θ_0 + h·u) − f_i(θ_0))/h, two forward per-sample requests. */
  sampleScores(theta0: V, u: V, oracle: GradientOracle): V {
    const perSample = (point: V) => oracle.evaluate(point, ['perSample']).perSample!;
    const at0 = perSample(theta0);
    return sub(perSample(add(theta0, times(this.c.h, u))), at0).map((d) => d / this.c.h);
  }

  /** p_i = exp((s_i − s_max)/τ) / Σ_j exp((s_j − s_max)/τ). */
  gibbsWeights(scores: V): V {
    const tau = this.c.temperature as number;
    const sMax = Math.max(...scores);
    const e = scores.map((s) => Math.exp((s - sMax) / tau));
    const z = e.reduce((a, x) => a + x, 0);
    return e.map((x) => x / z);
  }

  /** The uniform batch gradient at θ_0 + δ. */
  rwSamDescent(point: V, oracle: GradientOracle): V {
    return this.gradient(point, oracle);
  }
}
