/** The one place an algorithm name is looked up. Everything else iterates `descriptors()`. */
import { SamcheckError } from '../errors.js';
import { REQUIRED, type AlgorithmDescriptor } from './descriptor.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDescriptor = AlgorithmDescriptor<any>;

const registry = new Map<string, AnyDescriptor>();

/** The facets every descriptor must carry (a test checks each registered one). */
export const DESCRIPTOR_FACETS = ['name', 'title', 'spec', 'kernel', 'oracle', 'reference', 'mutants', 'arbitraries', 'tags', 'benchmark', 'minimalConfig', 'optimizer'] as const;

/** Registers (or replaces) an algorithm: it then appears in verify, the mutant catalog, benchmarks, CLI usage and docs lists. */
export function registerAlgorithm(descriptor: AnyDescriptor): void {
  if (descriptor === null || typeof descriptor !== 'object') throw new SamcheckError('INVALID_ARGUMENT', 'descriptor', descriptor, 'an AlgorithmDescriptor object');
  const missing = DESCRIPTOR_FACETS.filter((f) => (descriptor as unknown as Record<string, unknown>)[f] === undefined);
  if (missing.length > 0) throw new SamcheckError('INVALID_ARGUMENT', 'descriptor', descriptor.name, `a descriptor with every facet; missing: ${missing.join(', ')}`);
  if (typeof descriptor.name !== 'string' || !/^[a-z][a-z0-9-]*$/.test(descriptor.name)) {
    throw new SamcheckError('INVALID_ARGUMENT', 'descriptor.name', descriptor.name, 'a lower-case name of letters, digits and dashes');
  }
  registry.set(descriptor.name, descriptor);
}

/** Removes a registered algorithm (for tests that register a throwaway one). */
export function unregisterAlgorithm(name: string): boolean {
  return registry.delete(name);
}

export function algorithmNames(): string[] {
  return [...registry.keys()];
}

export function descriptors(): AnyDescriptor[] {
  return [...registry.values()];
}

export function descriptorOf(name: unknown): AnyDescriptor {
  const d = typeof name === 'string' ? registry.get(name) : undefined;
  if (d === undefined) {
    throw new SamcheckError('UNKNOWN_ALGORITHM', 'algorithm', name, `expected one of ${algorithmNames().join(', ')}`);
  }
  return d;
}

/** The own keys an algorithm accepts (derived from its defaults). */
export function ownKeys(d: AnyDescriptor): string[] {
  return Object.keys(d.kernel.defaults);
}

/** The own keys with no default. */
export function requiredKeys(d: AnyDescriptor): string[] {
  return Object.entries(d.kernel.defaults as Record<string, unknown>).filter(([, v]) => v === REQUIRED).map(([k]) => k);
}
