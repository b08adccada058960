import { ReferenceStep, norm, type CommonHp, type V } from '../../verify/reference/step.js';

export interface AsamHp extends CommonHp {
  rho: number;
  etaT: number;
  epsilon: number;
  adaptive: 'all' | 'exclude-biases' | boolean[];
}

/** ASAM: δ = ρ·t²⊙g/(‖t⊙g‖ + ε), t_j = |θ_j| + η_T on adaptive tensors (spec/algorithms.md §4). */
export class AsamReference extends ReferenceStep<AsamHp> {
  override perturbation(g: V, theta: V): V {
    return this.asamPerturbation(g, theta);
  }

  /** One flag per coordinate: 'exclude-biases' leaves tensors named …bias / …beta unscaled. */
  adaptiveCoordinates(): boolean[] {
    const a = this.c.adaptive;
    const flags = this.layout.names.map((name, i) => (Array.isArray(a) ? a[i] : a === 'all' || !/(^|[/_.])(bias|beta)(_\d+)?$/i.test(name)));
    return this.layout.sizes.flatMap((size, i) => Array<boolean>(size).fill(flags[i]));
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
}
