import type { ReferenceConstructor } from './step.js';

/** A realistic bug: the algorithm's reference with one stage overridden. */
export interface Mutant {
  id: string;
  description: string;
  /** Where the bug is seen, or how a port makes it (spec/implementations.md). */
  source: string;
  /** The algorithm the bug affects (the mutant declares only it). */
  algorithm: string;
  /** For a base-optimizer bug: the base it affects (the mutant declares only it, over `algorithm`). */
  base?: string;
  make: ReferenceConstructor;
}

/** Mutants of one algorithm's reference, as its folder lists them. */
export function mutantsOf(algorithm: string, list: ReadonlyArray<Omit<Mutant, 'algorithm'>>): Mutant[] {
  return list.map((m) => ({ ...m, algorithm }));
}

export const mutant = (id: string, description: string, source: string, make: ReferenceConstructor): Omit<Mutant, 'algorithm'> => ({ id, description, source, make });
