/** Realistic bugs in sgd, each one reference stage overridden; `source` says where the bug is seen (spec/implementations.md). */
import { mutant, mutantsOf } from '../../verify/reference/mutant.js';
import { sub, times, type V } from '../../verify/reference/step.js';
import { SgdReference } from './reference.js';

export const sgdMutants = mutantsOf('sgd', [
  mutant('momentum-buffer-reset', 'the buffer starts from scratch every step', 'optimizer re-created inside the training loop', class extends SgdReference {
    override base(theta: V, grad: V, g0: V) {
      this.buffer = null;
      return super.base(theta, grad, g0);
    }
  }),
  mutant('dampening-on-first-step', 'zero-initialised buffer: buf = (1 − dampening)·d on the first step', 'algorithms.md §1: ports of torch SGD', class extends SgdReference {
    override nextBuffer(buffer: V | null, d: V) { return super.nextBuffer(buffer ?? d.map(() => 0), d); }
  }),
  mutant('nesterov-ignored', 'nesterov = true behaves as heavy ball', 'an option accepted but not wired', class extends SgdReference {
    override base(theta: V, grad: V, g0: V) {
      const c = this.c;
      (this as { c: typeof c }).c = { ...c, nesterov: false };
      try { return super.base(theta, grad, g0); } finally { (this as { c: typeof c }).c = c; }
    }
  }),
  mutant('weight-decay-sign', 'd = g − wd·θ', 'sign slip when folding wd into the gradient', class extends SgdReference {
    override withWeightDecay(grad: V, theta: V) { return sub(grad, times(this.c.weightDecayIn === 'base' ? this.c.weightDecay : 0, theta)); }
  }),
  mutant('weight-decay-outside-lr', 'θ ← θ − η·g − wd·θ (decay not scaled by η)', 'mixing coupled and decoupled weight decay', class extends SgdReference {
    override base(theta: V, grad: V, g0: V) {
      const wd = this.c.weightDecayIn === 'base' ? this.c.weightDecay : 0;
      const c = this.c;
      (this as { c: typeof c }).c = { ...c, weightDecay: 0 };
      try { return sub(super.base(theta, grad, g0), times(wd, theta)); } finally { (this as { c: typeof c }).c = c; }
    }
  }),
]);
