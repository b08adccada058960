import { algorithmNames } from '../../src/kernels/algorithms/index.js';
import { createAlgorithm, type Algorithm } from '../../src/kernels/step.js';
import type { AlgorithmConfig } from '../../src/kernels/algorithms/index.js';

/** One configuration of a registered algorithm that the benchmarks run. */
export interface Variant {
  label: string;
  algorithm: string;
  config: AlgorithmConfig;
  /** Multi-step SAM's k, XSAM's steps (for the k-step ratio). */
  steps?: number;
}

export interface VariantContext {
  learningRate: number;
  batchSize: number;
  /** XSAM probes once per epoch, as its reference code does. */
  batchesPerEpoch: number;
  /** Heavy-ball momentum of the base SGD (default 0). */
  momentum?: number;
  /** SAM radius used for every SAM-type variant (ASAM keeps its own scale). */
  rho?: number;
}

/**
 * Settings for the algorithms samcheck knows; any other registered algorithm is tried with its
 * defaults. Listed per name, so a newly registered algorithm joins every benchmark automatically.
 */
function knownSettings(name: string, c: VariantContext): Array<{ label: string; extra: Record<string, unknown>; steps?: number }> {
  const rho = c.rho ?? 0.05;
  switch (name) {
    case 'sgd':
      return [{ label: 'SGD', extra: {} }];
    case 'sam':
      return [{ label: 'SAM', extra: { rho } }];
    case 'usam':
      return [{ label: 'USAM', extra: { rho } }];
    case 'asam':
      return [{ label: 'ASAM', extra: {} }];
    case 'multistep-sam':
      return [2, 5].map((k) => ({ label: `${k}-step SAM`, extra: { rho, steps: k }, steps: k }));
    case 'xsam':
      return [{ label: 'XSAM', extra: { rho, rhoMax: 2 * rho, dynamic: true, probeInterval: c.batchesPerEpoch }, steps: 1 }];
    case 'm-sam':
      return [{ label: `m-SAM (m=${Math.max(1, c.batchSize / 4)})`, extra: { rho, m: Math.max(1, c.batchSize / 4) } }];
    case 'n-sam':
      return [{ label: 'n-SAM', extra: { rho } }];
    case 'rw-sam':
      return [{ label: 'RW-SAM (samcheck def., τ=1)', extra: { rho, temperature: 1 } }];
    default:
      return [{ label: name, extra: {} }];
  }
}

/** Every registered algorithm as runnable variants; those that reject the settings are skipped with a note. */
export function registeredVariants(c: VariantContext, paramNames: string[], only?: (name: string) => boolean): { variants: Variant[]; notes: string[] } {
  const variants: Variant[] = [];
  const notes: string[] = [];
  for (const name of algorithmNames()) {
    if (only && !only(name)) continue;
    for (const s of knownSettings(name, c)) {
      const config = { algorithm: name, learningRate: c.learningRate, ...(c.momentum ? { momentum: c.momentum } : {}), ...s.extra } as AlgorithmConfig;
      try {
        createAlgorithm(config, { names: paramNames });
        variants.push({ label: s.label, algorithm: name, config, ...(s.steps ? { steps: s.steps } : {}) });
      } catch (err) {
        notes.push(`${s.label}: skipped (${(err as Error).message})`);
      }
    }
  }
  return { variants, notes };
}

export function build(v: Variant, paramNames: string[]): Algorithm {
  return createAlgorithm(v.config, { names: paramNames });
}
