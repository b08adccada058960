/**
 * The built-in algorithms, registered once, in one list. A new algorithm is one folder plus one
 * line here (or a `registerAlgorithm(descriptor)` call from user code).
 */
import { registerAlgorithm } from './registry.js';
import { sgd } from './sgd/index.js';
import { sam } from './sam/index.js';
import { usam } from './usam/index.js';
import { asam } from './asam/index.js';
import { multiStepSam } from './multistep-sam/index.js';
import { xsam } from './xsam/index.js';
import { mSam } from './m-sam/index.js';
import { nSam } from './n-sam/index.js';
import { rwSam } from './rw-sam/index.js';
import { momentumSam } from './momentum-sam/index.js';
import { vasso } from './vasso/index.js';
import { sampa } from './sampa/index.js';
import { gsam } from './gsam/index.js';
import { wsam } from './wsam/index.js';
import { lookSam } from './looksam/index.js';
import type { SgdAlgorithmConfig } from './sgd/kernel.js';
import type { SamAlgorithmConfig } from './sam/kernel.js';
import type { UsamAlgorithmConfig } from './usam/kernel.js';
import type { AsamAlgorithmConfig } from './asam/kernel.js';
import type { MultiStepSamAlgorithmConfig } from './multistep-sam/kernel.js';
import type { XsamAlgorithmConfig } from './xsam/kernel.js';
import type { MSamAlgorithmConfig } from './m-sam/kernel.js';
import type { NSamAlgorithmConfig } from './n-sam/kernel.js';
import type { RwSamAlgorithmConfig } from './rw-sam/kernel.js';
import type { MomentumSamAlgorithmConfig } from './momentum-sam/kernel.js';
import type { VassoAlgorithmConfig } from './vasso/kernel.js';
import type { SampaAlgorithmConfig } from './sampa/kernel.js';
import type { GsamAlgorithmConfig } from './gsam/kernel.js';
import type { WsamAlgorithmConfig } from './wsam/kernel.js';
import type { LookSamAlgorithmConfig } from './looksam/kernel.js';

export const BUILTIN_ALGORITHMS = [sgd, sam, usam, asam, multiStepSam, xsam, mSam, nSam, rwSam, momentumSam, vasso, sampa, gsam, wsam, lookSam];
for (const d of BUILTIN_ALGORITHMS) registerAlgorithm(d);

export * from './registry.js';
export type { AlgorithmDescriptor, ParameterInfo, KernelFacet, OracleFacet, AlgorithmTags, ScalingLaw, AscentRadius, BenchmarkSetting, BenchmarkContext } from './descriptor.js';
export { REQUIRED } from './descriptor.js';
export type { SgdAlgorithmConfig, SamAlgorithmConfig, UsamAlgorithmConfig, AsamAlgorithmConfig };
export type { MultiStepSamAlgorithmConfig, XsamAlgorithmConfig, MSamAlgorithmConfig, NSamAlgorithmConfig, RwSamAlgorithmConfig };
export type { MomentumSamAlgorithmConfig, VassoAlgorithmConfig, SampaAlgorithmConfig };
export type { GsamAlgorithmConfig, WsamAlgorithmConfig, LookSamAlgorithmConfig };

/** A config of a built-in algorithm; `algorithm` selects the descriptor. Registered algorithms take AnyAlgorithmConfig. */
export type AlgorithmConfig =
  | SgdAlgorithmConfig
  | SamAlgorithmConfig
  | UsamAlgorithmConfig
  | AsamAlgorithmConfig
  | MultiStepSamAlgorithmConfig
  | XsamAlgorithmConfig
  | MSamAlgorithmConfig
  | NSamAlgorithmConfig
  | RwSamAlgorithmConfig
  | MomentumSamAlgorithmConfig
  | VassoAlgorithmConfig
  | SampaAlgorithmConfig
  | GsamAlgorithmConfig
  | WsamAlgorithmConfig
  | LookSamAlgorithmConfig;
export type AlgorithmName = AlgorithmConfig['algorithm'];
