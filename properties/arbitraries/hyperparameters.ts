/** Base-optimizer and SAM hyperparameters (torch SGD semantics: nesterov only with momentum > 0 and dampening 0). */
import fc from 'fast-check';
import { logUniform, real } from './numbers.js';

export interface Hyperparameters {
  learningRate: number;
  rho: number;
  momentum: number;
  dampening: number;
  nesterov: boolean;
  weightDecay: number;
}

export interface HyperparameterRanges {
  learningRate?: [number, number];
  rho?: [number, number];
  maxMomentum?: number;
  maxWeightDecay?: number;
}

/** lr and ρ log-uniform; momentum, dampening and weight decay are 0 in about half the draws (shrinking to 0). */
export function hyperparameters(ranges: HyperparameterRanges = {}): fc.Arbitrary<Hyperparameters> {
  const [lrMin, lrMax] = ranges.learningRate ?? [1e-3, 0.5];
  const [rhoMin, rhoMax] = ranges.rho ?? [1e-3, 0.5];
  const maybe = (arb: fc.Arbitrary<number>) => fc.oneof(fc.constant(0), arb);
  return fc
    .record({
      learningRate: logUniform(lrMin, lrMax),
      rho: logUniform(rhoMin, rhoMax),
      momentum: maybe(real(0, ranges.maxMomentum ?? 0.95)),
      dampening: maybe(real(0, 0.9)),
      nesterov: fc.boolean(),
      weightDecay: maybe(logUniform(1e-5, ranges.maxWeightDecay ?? 1e-2)),
    })
    .map((h) => {
      const nesterov = h.nesterov && h.momentum > 0;
      return { ...h, nesterov, dampening: nesterov ? 0 : h.dampening };
    });
}
