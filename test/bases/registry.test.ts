/**
 * spec/bases.md §6: how a config names its base — defaults per base, the legacy SGD shorthand,
 * conflicts, placements, and typed errors that name the parameter for every bad value.
 */
import { describe, expect, it } from 'vitest';
import { SamcheckError } from '../../src/errors.js';
import type { BaseDescriptor } from '../../src/bases/descriptor.js';
import { baseDescriptor, baseNames, ConflictingOptionError, registerBase, resolveBaseSpec } from '../../src/bases/registry.js';
import { sgdBase } from '../../src/bases/sgd/index.js';

/** The error `fn` throws (fails the test when it does not throw). */
function thrown(fn: () => unknown): SamcheckError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SamcheckError);
    return e as SamcheckError;
  }
  throw new Error('did not throw');
}

describe('base names', () => {
  it('lists the built-in bases', () => {
    expect(baseNames()).toEqual(['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad']);
  });

  it('an unknown name is UNKNOWN_BASE listing the names', () => {
    const e = thrown(() => baseDescriptor('Adam'));
    expect([e.code, e.parameter, e.value]).toEqual(['UNKNOWN_BASE', 'base', 'Adam']);
    expect(e.message).toContain('sgd, adam, adamw, rmsprop, adagrad');
    expect(thrown(() => resolveBaseSpec({ name: 'lion' }, { learningRate: 0.1 })).parameter).toBe('base.name');
    expect(thrown(() => resolveBaseSpec(42, { learningRate: 0.1 })).parameter).toBe('base');
  });

  it('registerBase adds a base under its name', () => {
    registerBase({ ...sgdBase, name: 'sgd-copy' } as BaseDescriptor);
    expect(resolveBaseSpec('sgd-copy', { learningRate: 0.1 }).base).toEqual({ name: 'sgd-copy', momentum: 0, dampening: 0, nesterov: false });
  });
});

describe('resolveBaseSpec', () => {
  it('no base is SGD, with the legacy top-level momentum / dampening / nesterov', () => {
    expect(resolveBaseSpec(undefined, { learningRate: 0.1, momentum: 0.9, nesterov: true, weightDecay: 1e-3, algorithm: 'sam', rho: 0.05 })).toEqual({
      common: { learningRate: 0.1, weightDecay: 1e-3, weightDecayIn: 'base' },
      base: { name: 'sgd', momentum: 0.9, dampening: 0, nesterov: true },
    });
  });

  it('fills every own key with its default, per base', () => {
    expect(resolveBaseSpec('adam', { learningRate: 1e-3 })).toEqual({
      common: { learningRate: 1e-3, weightDecay: 0, weightDecayIn: 'base' },
      base: { name: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8, amsgrad: false, biasCorrection: 'float64' },
    });
    expect(resolveBaseSpec('adamw', { learningRate: 1e-3 }).common).toEqual({ learningRate: 1e-3, weightDecay: 0.01, weightDecayIn: 'decoupled' });
    expect(resolveBaseSpec('rmsprop', { learningRate: 1e-2 }).base).toEqual({ name: 'rmsprop', alpha: 0.99, epsilon: 1e-8, momentum: 0, centered: false, epsilonPlacement: 'outside' });
    expect(resolveBaseSpec('adagrad', { learningRate: 1e-2 }).base).toEqual({ name: 'adagrad', lrDecay: 0, initialAccumulatorValue: 0, epsilon: 1e-10, epsilonPlacement: 'outside' });
  });

  it('common keys may be inside the base; undefined counts as absent', () => {
    const r = resolveBaseSpec({ name: 'adam', learningRate: 0.01, weightDecayIn: 'loss', beta1: 0.5, beta2: undefined }, { learningRate: undefined, weightDecay: 0.1 });
    expect(r).toEqual({ common: { learningRate: 0.01, weightDecay: 0.1, weightDecayIn: 'loss' }, base: { name: 'adam', beta1: 0.5, beta2: 0.999, epsilon: 1e-8, amsgrad: false, biasCorrection: 'float64' } });
  });

  it('the same option at the top level and inside the base is a typed conflict', () => {
    for (const key of ['learningRate', 'weightDecay', 'weightDecayIn', 'momentum'] as const) {
      const value = key === 'weightDecayIn' ? 'base' : 0.1;
      const e = thrown(() => resolveBaseSpec({ name: 'sgd', [key]: value }, { learningRate: 0.1, [key]: value }));
      expect(e).toBeInstanceOf(ConflictingOptionError);
      expect([e.code, e.parameter]).toEqual(['INVALID_HYPERPARAMETER', key]);
      expect(e.message).toContain(`base.${key}`);
    }
  });

  it('the legacy SGD keys are refused beside another base', () => {
    for (const key of ['momentum', 'dampening', 'nesterov']) {
      const e = thrown(() => resolveBaseSpec('rmsprop', { learningRate: 0.1, [key]: key === 'nesterov' ? false : 0.5 }));
      expect([e.code, e.parameter]).toEqual(['UNKNOWN_OPTION', key]);
    }
    expect(resolveBaseSpec({ name: 'rmsprop', momentum: 0.5 }, { learningRate: 0.1 }).base.momentum).toBe(0.5);
  });

  it('learningRate is required and ≥ 0; lr = 0 is allowed', () => {
    expect(thrown(() => resolveBaseSpec('sgd', {})).parameter).toBe('learningRate');
    expect(thrown(() => resolveBaseSpec({ name: 'sgd', learningRate: -1 }, {})).parameter).toBe('base.learningRate');
    expect(resolveBaseSpec('sgd', { learningRate: 0 }).common.learningRate).toBe(0);
  });

  it('a placement a base does not accept is refused, with the right base named', () => {
    const e = thrown(() => resolveBaseSpec('adam', { learningRate: 0.1, weightDecayIn: 'decoupled' }));
    expect([e.code, e.parameter, e.value]).toEqual(['UNKNOWN_OPTION', 'weightDecayIn', 'decoupled']);
    expect(e.message).toContain("base 'adamw'");
    expect(thrown(() => resolveBaseSpec({ name: 'adamw', weightDecayIn: 'base' }, { learningRate: 0.1 })).message).toContain("base 'adam'");
    expect(thrown(() => resolveBaseSpec('sgd', { learningRate: 0.1, weightDecayIn: 'both' })).code).toBe('UNKNOWN_OPTION');
  });

  it('unknown own keys are refused, naming them', () => {
    const e = thrown(() => resolveBaseSpec({ name: 'adam', beta3: 0.9 }, { learningRate: 0.1 }));
    expect([e.code, e.parameter]).toEqual(['UNKNOWN_OPTION', 'base.beta3']);
    expect(thrown(() => resolveBaseSpec({ name: 'sgd', alpha: 0.9 }, { learningRate: 0.1 })).parameter).toBe('base.alpha');
  });

  it("SGD's rules hold: Nesterov needs momentum > 0 and dampening 0", () => {
    expect(thrown(() => resolveBaseSpec(undefined, { learningRate: 0.1, nesterov: true })).parameter).toBe('nesterov');
    expect(thrown(() => resolveBaseSpec({ name: 'sgd', nesterov: true, momentum: 0.9, dampening: 0.1 }, { learningRate: 0.1 })).parameter).toBe('base.nesterov');
  });
});

/** For every base, every own option set to a bad value is refused naming exactly that option. */
const bad: Record<string, Record<string, unknown[]>> = {
  sgd: { momentum: [-0.1, 1, NaN, '0.9'], dampening: [-0.1, 1.5], nesterov: ['yes', 1] },
  adam: { beta1: [1, -0.1, NaN], beta2: [1, 2], epsilon: [-1e-8, Infinity], amsgrad: ['no'], biasCorrection: ['float16', true] },
  adamw: { beta1: [1], beta2: [-1], epsilon: [NaN], amsgrad: [0], biasCorrection: ['torch'] },
  rmsprop: { alpha: [1, -0.5], epsilon: [-1], momentum: [1, -0.1], centered: ['true'], epsilonPlacement: ['both'] },
  adagrad: { lrDecay: [-1, NaN], initialAccumulatorValue: [-0.1], epsilon: [-1e-10], epsilonPlacement: [null] },
};

describe('bad own options are typed errors naming base.<option>', () => {
  for (const [name, options] of Object.entries(bad)) {
    it(name, () => {
      for (const [key, values] of Object.entries(options)) {
        for (const value of values) {
          const e = thrown(() => resolveBaseSpec({ name, [key]: value }, { learningRate: 0.1 }));
          expect([e.parameter, e.value], `${name}.${key} = ${String(value)}`).toEqual([`base.${key}`, value]);
        }
      }
      expect(thrown(() => resolveBaseSpec({ name, weightDecay: -1 }, { learningRate: 0.1 })).parameter).toBe('base.weightDecay');
    });
  }
});

describe('the example of spec/bases.md §6', () => {
  it('resolves as written', () => {
    expect(resolveBaseSpec({ name: 'adamw', weightDecay: 0.05 }, { learningRate: 1e-3 })).toEqual({
      common: { learningRate: 1e-3, weightDecay: 0.05, weightDecayIn: 'decoupled' },
      base: { name: 'adamw', beta1: 0.9, beta2: 0.999, epsilon: 1e-8, amsgrad: false, biasCorrection: 'float64' },
    });
  });
});
