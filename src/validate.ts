import { InvalidArgumentError } from './errors.js';

/** Small validators shared by every public entry; each names the parameter it rejects. */
export function finiteNumber(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidArgumentError(name, v, 'a finite number');
  return v;
}

export function positive(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new InvalidArgumentError(name, v, 'a finite number > 0');
  return v;
}

export function nonNegative(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new InvalidArgumentError(name, v, 'a finite number >= 0');
  return v;
}

export function inRange(name: string, v: unknown, lo: number, hi: number, hiOpen = false): number {
  const ok = typeof v === 'number' && Number.isFinite(v) && v >= lo && (hiOpen ? v < hi : v <= hi);
  if (!ok) throw new InvalidArgumentError(name, v, `a number in [${lo}, ${hi}${hiOpen ? ')' : ']'}`);
  return v as number;
}

/** An integer in [1, max]; the bound keeps loops driven by it finite (1e300 is an integer in JS). */
export function positiveInteger(name: string, v: unknown, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) throw new InvalidArgumentError(name, v, `an integer in [1, ${max}]`);
  return v;
}

/** The most ascent steps an algorithm accepts (each one is a gradient evaluation). */
export const MAX_ASCENT_STEPS = 1000;
/** The most probe points an XSAM α grid may have (each one is a forward pass). */
export const MAX_PROBES = 10_000;

export function boolean(name: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw new InvalidArgumentError(name, v, 'true or false');
  return v;
}

export function oneOf<T extends string>(name: string, v: unknown, options: readonly T[]): T {
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    throw new InvalidArgumentError(name, v, `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`, 'UNKNOWN_OPTION');
  }
  return v as T;
}

/** Rejects keys a config object does not know, so a typo never silently falls back to a default. */
export function knownKeys(name: string, obj: object, allowed: readonly string[]): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) throw new InvalidArgumentError(`${name}.${k}`, (obj as Record<string, unknown>)[k], `a known option (${allowed.join(', ')})`, 'UNKNOWN_OPTION');
  }
}
