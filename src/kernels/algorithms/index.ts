import { SamcheckError } from '../../errors.js';
import { asamAlgorithm, type AsamAlgorithmConfig } from './asam.js';
import type { AlgorithmDefinition } from './definition.js';
import { samAlgorithm, type SamAlgorithmConfig } from './sam.js';
import { sgdAlgorithm, type SgdAlgorithmConfig } from './sgd.js';
import { usamAlgorithm, type UsamAlgorithmConfig } from './usam.js';
import { multiStepSamAlgorithm, type MultiStepSamAlgorithmConfig } from './multistep_sam.js';
import { xsamAlgorithm, type XsamAlgorithmConfig } from './xsam.js';
import { mSamAlgorithm, nSamAlgorithm, type MSamAlgorithmConfig, type NSamAlgorithmConfig } from './msam.js';
import { rwSamAlgorithm, type RwSamAlgorithmConfig } from './rwsam.js';

export type { AlgorithmDefinition, ParameterInfo } from './definition.js';
export type { SgdAlgorithmConfig, SamAlgorithmConfig, UsamAlgorithmConfig, AsamAlgorithmConfig };
export type { MultiStepSamAlgorithmConfig, XsamAlgorithmConfig, MSamAlgorithmConfig, NSamAlgorithmConfig, RwSamAlgorithmConfig };

/** Every algorithm's config; `algorithm` selects the definition. */
export type AlgorithmConfig =
  | SgdAlgorithmConfig
  | SamAlgorithmConfig
  | UsamAlgorithmConfig
  | AsamAlgorithmConfig
  | MultiStepSamAlgorithmConfig
  | XsamAlgorithmConfig
  | MSamAlgorithmConfig
  | NSamAlgorithmConfig
  | RwSamAlgorithmConfig;
export type AlgorithmName = AlgorithmConfig['algorithm'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const registry = new Map<string, AlgorithmDefinition<any>>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerAlgorithm(definition: AlgorithmDefinition<any>): void {
  registry.set(definition.name, definition);
}

for (const d of [sgdAlgorithm, samAlgorithm, usamAlgorithm, asamAlgorithm]) registerAlgorithm(d);
for (const d of [multiStepSamAlgorithm, xsamAlgorithm, mSamAlgorithm, nSamAlgorithm, rwSamAlgorithm]) registerAlgorithm(d);

export function algorithmNames(): string[] {
  return [...registry.keys()];
}

export function algorithmDefinition(name: unknown): AlgorithmDefinition {
  const d = typeof name === 'string' ? registry.get(name) : undefined;
  if (d === undefined) {
    throw new SamcheckError('UNKNOWN_ALGORITHM', 'algorithm', name, `expected one of ${algorithmNames().join(', ')}`);
  }
  return d;
}
