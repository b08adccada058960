/** Draw helpers shared by the problem builders: float32-representable numbers and random layouts. */
import fc from 'fast-check';
import type { Layout } from './types.js';

/**
 * float32-representable draws; magnitudes below 1e-3 snap to 0 so no test point is subnormal
 * in float32 (a subnormal's relative rounding error is unbounded). Three draws in four are
 * uniform on [lo, hi]: fast-check's doubles are uniform over the float *encodings* (and biased
 * to bounds), so on a range around 0 nearly every draw snapped to 0 and most problems were
 * effectively one-dimensional (XSAM: of 100 sampled cases none had ψ > 1e-2 with α away from 0
 * and 1, so slerp and lerp could not be told apart; 39 of 100 now). The fourth keeps
 * fast-check's edge cases (bounds, zeros).
 */
export const f32 = (lo: number, hi: number) => {
  const steps = 2 ** 20;
  const uniform = fc.noBias(fc.integer({ min: 0, max: steps })).map((i) => lo + ((hi - lo) * i) / steps);
  const edges = fc.double({ min: lo, max: hi, noNaN: true });
  return fc.oneof({ weight: 3, arbitrary: uniform }, { weight: 1, arbitrary: edges }).map((x) => (Math.abs(x) < 1e-3 ? 0 : Math.fround(x)));
};

/** One coordinate's say in the layout. */
export interface LayoutDraw {
  /** Starts a new parameter tensor (ignored for coordinate 0). */
  newTensor: boolean;
  /** The tensor this coordinate starts is a bias (ASAM's 'exclude-biases' preset). */
  bias: boolean;
}

export function layoutOf(draws: LayoutDraw[]): Layout {
  const sizes: number[] = [];
  const names: string[] = [];
  draws.forEach((d, i) => {
    if (i === 0 || d.newTensor) {
      names.push(`layer${sizes.length}/${d.bias ? 'bias' : 'kernel'}`);
      sizes.push(1);
    } else sizes[sizes.length - 1]++;
  });
  return { names, sizes };
}
