/** Default filling for the kernel side (the oracle fills its own, from spec/). */
import { InvalidArgumentError } from '../errors.js';
import { REQUIRED, type Defaults } from './descriptor.js';

/** A default computed from other keys in `resolve` (RW-SAM's h = ρ). */
export const DERIVED = Symbol('derived');

/** The own keys of `given`, missing ones taken from `defaults`; a missing REQUIRED key is an error. */
export function withDefaults<Own extends object>(defaults: Defaults<Own> | Record<keyof Own, unknown>, given: Partial<Own>): Own {
  const out: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(defaults as Record<string, unknown>)) {
    const value = (given as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
    else if (fallback === REQUIRED) throw new InvalidArgumentError(key, undefined, 'a value (required: no default)');
    else if (fallback !== DERIVED) out[key] = fallback;
  }
  return out as Own;
}

/** SAM's norm guard ε: ‖g‖ + ε in every normalization (spec/algorithms.md §2). */
export const DEFAULT_EPSILON = 1e-12;
