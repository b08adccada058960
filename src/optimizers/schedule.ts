import { InvalidArgumentError, SamcheckError } from '../errors.js';

/** A hyperparameter as a function of the step (0-based iteration count at the step's start). */
export type Schedule = (step: number) => number;

/** The hyperparameters a drop-in optimizer takes as a number or a schedule. */
export const SCHEDULABLE = ['learningRate', 'rho'] as const;
export type Schedulable = (typeof SCHEDULABLE)[number];

/** A config whose learningRate and rho may also be schedules (distributes over a union of configs). */
export type Scheduled<C> = { [K in keyof C]: K extends Schedulable ? C[K] | Schedule : C[K] };

/** The value of a number-or-schedule at `step`, checked: a schedule must return a finite number. */
export function valueAt(name: string, value: unknown, step: number): unknown {
  if (typeof value !== 'function') return value;
  const v: unknown = (value as Schedule)(step);
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidArgumentError(`${name}(step = ${step})`, v, 'the schedule to return a finite number');
  return v;
}

/** The config with every schedule replaced by its value at `step`. */
export function configAt<C extends object>(config: C, step: number, overrides: Partial<Record<Schedulable, unknown>> = {}): C {
  const out = { ...config } as Record<string, unknown>;
  for (const key of SCHEDULABLE) {
    const given = key in overrides ? overrides[key] : out[key];
    if (given !== undefined) out[key] = valueAt(key, given, step);
  }
  return out as C;
}

/**
 * A deep read-only view of a config: assigning or deleting any key throws a typed error naming
 * it, so a mutation that the next step would silently ignore cannot happen. (Object.freeze alone
 * throws a bare TypeError in strict code and does nothing in sloppy code.)
 */
export function frozenConfig<C extends object>(config: C, path = 'config'): C {
  const copy = (Array.isArray(config) ? [...config] : { ...config }) as Record<string, unknown>;
  for (const [k, v] of Object.entries(copy)) {
    if (v !== null && typeof v === 'object') copy[k] = frozenConfig(v as object, `${path}.${k}`);
  }
  const refuse = (key: string | symbol, value?: unknown): never => {
    throw new SamcheckError(
      'INVALID_ARGUMENT',
      `${path}.${String(key)}`,
      value,
      "optimizer configs are frozen after construction; use setLearningRate(lr) / setRho(rho) (numbers or (step) => number schedules), or construct a new optimizer",
    );
  };
  return new Proxy(copy, {
    set: (_t, key, value) => refuse(key, value),
    deleteProperty: (_t, key) => refuse(key),
    defineProperty: (_t, key) => refuse(key),
  }) as C;
}
