/**
 * The base optimizers by name, and how an algorithm config names one (spec/bases.md §6): `base`
 * is absent (SGD), a name, or `{ name, learningRate?, weightDecay?, weightDecayIn?, ...own }`;
 * the config's top-level learningRate / weightDecay / weightDecayIn, and SGD's legacy
 * momentum / dampening / nesterov, may stand outside it.
 */
import { InvalidArgumentError, SamcheckError } from '../errors.js';
import { knownKeys, nonNegative, oneOf } from '../validate.js';
import { adagradBase } from './adagrad/index.js';
import { adamBase } from './adam/index.js';
import { adamwBase } from './adamw/index.js';
import { baseOptionName, WEIGHT_DECAY_PLACEMENTS, type BaseDescriptor, type CommonBaseHyperparameters } from './descriptor.js';
import { rmspropBase } from './rmsprop/index.js';
import { sgdBase } from './sgd/index.js';

/** A base with every key filled: the shared hyperparameters, and the base's own options. */
export interface ResolvedBase {
  common: CommonBaseHyperparameters;
  base: { name: string } & Record<string, unknown>;
}

/** The keys of an algorithm config `resolveBaseSpec` reads besides `base`. */
export const FLAT_BASE_KEYS = ['learningRate', 'momentum', 'dampening', 'nesterov', 'weightDecay', 'weightDecayIn'] as const;
const COMMON_KEYS = ['learningRate', 'weightDecay', 'weightDecayIn'] as const;
/** SGD's options that may stand at the top level of a config (the shorthand from before bases). */
const LEGACY_SGD_KEYS = ['momentum', 'dampening', 'nesterov'] as const;

/** Two places gave the same option. */
export class ConflictingOptionError extends SamcheckError {
  override readonly name = 'ConflictingOptionError';
  constructor(parameter: string, value: unknown, other: string) {
    super('INVALID_HYPERPARAMETER', parameter, value, `given both as ${parameter} and as ${other}; give it once`);
  }
}

const registry = new Map<string, BaseDescriptor>();

export function registerBase<O extends object, S, OS>(descriptor: BaseDescriptor<O, S, OS>): void {
  registry.set(descriptor.name, descriptor as unknown as BaseDescriptor);
}

registerBase(sgdBase);
registerBase(adamBase);
registerBase(adamwBase);
registerBase(rmspropBase);
registerBase(adagradBase);

export function baseNames(): string[] {
  return [...registry.keys()];
}

export function baseDescriptor(name: unknown, parameter = 'base'): BaseDescriptor {
  const d = typeof name === 'string' ? registry.get(name) : undefined;
  if (d === undefined) throw new SamcheckError('UNKNOWN_BASE', parameter, name, `expected one of ${baseNames().join(', ')}`);
  return d;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Keys whose value is undefined count as absent (as everywhere in samcheck's configs). */
const defined = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export function resolveBaseSpec(input: unknown, flat: Record<string, unknown>): ResolvedBase {
  const spec = input === undefined ? { name: 'sgd' } : typeof input === 'string' ? { name: input } : input;
  if (!isPlainObject(spec)) throw new InvalidArgumentError('base', input, `a base name (${baseNames().join(', ')}) or { name, ...options }`);
  const { name, ...given } = defined(spec);
  const d = baseDescriptor(name, isPlainObject(input) ? 'base.name' : 'base');
  const top = defined(Object.fromEntries(FLAT_BASE_KEYS.map((k) => [k, flat[k]])));
  knownKeys('base', given, [...COMMON_KEYS, ...Object.keys(d.defaults)]);

  const legacy: Record<string, unknown> = {};
  for (const key of LEGACY_SGD_KEYS) {
    if (!(key in top)) continue;
    if (d.name !== 'sgd') throw new InvalidArgumentError(key, top[key], `no top-level ${key} with base '${d.name}' (it is SGD's shorthand): put it inside base, e.g. base: { name: '${d.name}', ... }`, 'UNKNOWN_OPTION');
    if (key in given) throw new ConflictingOptionError(key, top[key], `base.${key}`);
    legacy[key] = top[key];
  }
  const pick = (key: (typeof COMMON_KEYS)[number]): { value: unknown; at: string } => {
    if (key in top && key in given) throw new ConflictingOptionError(key, top[key], `base.${key}`);
    return key in given ? { value: given[key], at: `base.${key}` } : { value: top[key], at: key };
  };

  const lr = pick('learningRate');
  // lr = 0 is allowed: it is how "the weights are restored exactly" is checked.
  const learningRate = nonNegative(lr.at, lr.value);
  const wd = pick('weightDecay');
  const weightDecay = nonNegative(wd.at, wd.value ?? d.weightDecayDefaults.weightDecay);
  const wdIn = pick('weightDecayIn');
  const weightDecayIn = oneOf(wdIn.at, wdIn.value ?? d.weightDecayDefaults.weightDecayIn, WEIGHT_DECAY_PLACEMENTS);
  if (!d.placements.includes(weightDecayIn)) {
    const hint = weightDecayIn === 'decoupled' && d.name === 'adam' ? " (decoupled Adam is base 'adamw')" : weightDecayIn === 'base' && d.name === 'adamw' ? " (coupled L2 with Adam is base 'adam')" : '';
    throw new InvalidArgumentError(wdIn.at, weightDecayIn, `one of ${d.placements.map((p) => JSON.stringify(p)).join(', ')} for base '${d.name}'${hint}`, 'UNKNOWN_OPTION');
  }

  const own: Record<string, unknown> = { ...d.defaults, ...legacy };
  for (const key of Object.keys(d.defaults)) if (key in given) own[key] = given[key];
  d.validate(own, (key) => (key in legacy ? key : baseOptionName(key)));
  return { common: { learningRate, weightDecay, weightDecayIn }, base: { name: d.name, ...own } };
}

/** The descriptor and own options of a resolved base, split for its facets. */
export function baseParts(resolved: ResolvedBase): { descriptor: BaseDescriptor; own: Record<string, unknown>; common: CommonBaseHyperparameters } {
  const { name, ...own } = resolved.base;
  return { descriptor: baseDescriptor(name), own, common: resolved.common };
}
