/**
 * The pin policy (spec/protocol.md §2.1): every value an implementation pins is listed in the
 * report, and a pin that makes the verdict meaningless — one that reduces the algorithm to a
 * simpler one or to no step at all — is refused as "not conformant: degenerate pin". What is
 * degenerate for an algorithm lives in its descriptor (`degeneratePin`); the base keys every
 * algorithm shares are judged here.
 */
import { descriptorOf } from '../algorithms/index.js';
import type { Capabilities } from './types.js';

export interface Pin {
  /** The algorithm or `base <name>` the pin applies to. */
  scope: string;
  key: string;
  value: unknown;
}

/** Every pinned value, algorithms first, then bases. */
export function pinsOf(caps: Capabilities): Pin[] {
  const list = (scope: string, fixed: Record<string, unknown> | undefined) => Object.entries(fixed ?? {}).map(([key, value]) => ({ scope, key, value }));
  return [
    ...Object.entries(caps.algorithms).flatMap(([a, s]) => list(a, s.fixed)),
    ...Object.entries(caps.bases ?? {}).flatMap(([b, s]) => list(`base ${b}`, s.fixed)),
  ];
}

/** Why the pins declared for `algorithm` are degenerate, or null. */
export function degeneratePin(algorithm: string, caps: Capabilities): string | null {
  const pins = caps.algorithms[algorithm]?.fixed ?? {};
  if (pins.learningRate === 0) return 'learningRate = 0: the parameters never move';
  return descriptorOf(algorithm).degeneratePin?.(pins) ?? null;
}

export function formatPins(caps: Capabilities): string {
  const pins = pinsOf(caps);
  return pins.length === 0 ? 'pinned: none' : `pinned: ${pins.map((p) => `${p.scope} ${p.key} = ${JSON.stringify(p.value)}`).join(', ')}`;
}
