/** Realistic bugs in asam, each one reference stage overridden; `source` says where the bug is seen (spec/implementations.md). */
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { norm, times, type V } from '../../verify/reference/step.js';
import { AsamReference } from './reference.js';

export const asamMutants = mutantsOf('asam', [
  mutant('asam-scales-excluded-params', "T applied to biases under the 'exclude-biases' preset", 'davda54 #81 vs the official code: name-based selection lost in a port', class extends AsamReference {
    override adaptiveCoordinates() { return super.adaptiveCoordinates().map(() => true); }
  }),
  mutant('asam-missing-eta', 't = |θ| (η_T dropped)', 'davda54 adaptive=True used where the official ASAM is meant', class extends AsamReference {
    override asamScale(theta: V) {
      const flags = this.adaptiveCoordinates();
      return theta.map((x, j) => (flags[j] ? Math.abs(x) : 1));
    }
  }),
  mutant('asam-signed-scale', 't = θ + η_T (abs missing)', 'torch.abs forgotten', class extends AsamReference {
    override asamScale(theta: V) {
      const flags = this.adaptiveCoordinates();
      return theta.map((x, j) => (flags[j] ? x + this.c.etaT : 1));
    }
  }),
  mutant('asam-scale-once', 'δ = ρ·T g/‖T g‖ (T applied once, not twice)', 'reading δ = ρ T²g/‖Tg‖ as a normalised T g', class extends AsamReference {
    override asamPerturbation(g: V, theta: V) {
      const t = this.asamScale(theta);
      const tg = g.map((x, j) => t[j] * x);
      return times(this.c.rho / (norm(tg) + this.c.epsilon), tg);
    }
  }),
  mutant('asam-norm-without-scale', 'δ = ρ·T²g/‖g‖ (norm of the unscaled gradient)', 'reusing SAM\'s grad norm in the ASAM branch', class extends AsamReference {
    override asamPerturbation(g: V, theta: V) {
      const t = this.asamScale(theta);
      return g.map((x, j) => (this.c.rho * t[j] * t[j] * x) / (norm(g) + this.c.epsilon));
    }
  }),
]);
