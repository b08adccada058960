/** Arbitrary hyperparameters for SGD, SAM, USAM and ASAM (every option of spec/algorithms.md §1–§4). */
import fc from 'fast-check';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';
import type { BaseHyperparameters } from '../../src/kernels/config.js';

/** Uniform on [min, max] (fc.double concentrates on extreme magnitudes, e.g. 1e-300, which float32 flushes). */
export const uniform = (min: number, max: number) => fc.integer({ min: 0, max: 1 << 30 }).map((i) => min + ((max - min) * i) / (1 << 30));
const num = uniform;

export const baseArb = (lr = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 9, arbitrary: num(1e-3, 0.5) })): fc.Arbitrary<BaseHyperparameters> =>
  fc
    .record({
      learningRate: lr,
      momentum: fc.constantFrom(0, 0.5, 0.9),
      dampening: fc.constantFrom(0, 0.3),
      nesterov: fc.boolean(),
      weightDecay: fc.constantFrom(0, 1e-3, 0.1),
      weightDecayIn: fc.constantFrom('base' as const, 'loss' as const),
    })
    // torch.optim.SGD: Nesterov needs momentum > 0 and no dampening.
    .map((b) => ({ ...b, nesterov: b.nesterov && b.momentum > 0 && b.dampening === 0 }));

/** The algorithm-specific part; `tensors` = number of parameter tensors (for ASAM's explicit flags). */
export const algorithmArb = (tensors: number): fc.Arbitrary<Omit<AlgorithmConfig, keyof BaseHyperparameters>> =>
  fc.oneof(
    fc.constant({ algorithm: 'sgd' as const }),
    fc.record({ algorithm: fc.constant('sam' as const), rho: fc.oneof(fc.constant(0), num(1e-3, 0.5)) }),
    fc.record({ algorithm: fc.constant('usam' as const), rho: fc.oneof(fc.constant(0), num(1e-3, 0.5)) }),
    fc.record({
      algorithm: fc.constant('asam' as const),
      rho: fc.oneof(fc.constant(0), num(1e-3, 2)),
      etaT: fc.constantFrom(0, 0.01, 0.1),
      adaptive: fc.oneof(fc.constantFrom('all' as const, 'exclude-biases' as const), fc.array(fc.boolean(), { minLength: tensors, maxLength: tensors })),
    }),
  );

export const configArb = (tensors: number, lr?: fc.Arbitrary<number>): fc.Arbitrary<AlgorithmConfig> =>
  fc.tuple(algorithmArb(tensors), baseArb(lr)).map(([a, b]) => ({ ...b, ...a }) as AlgorithmConfig);
