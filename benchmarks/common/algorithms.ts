import { descriptors } from '../../src/algorithms/index.js';
import { createAlgorithm, type Algorithm } from '../../src/kernels/step.js';
import type { AlgorithmConfig } from '../../src/algorithms/index.js';

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

/** Every registered algorithm as runnable variants; those that reject the settings are skipped with a note. */
export function registeredVariants(c: VariantContext, paramNames: string[], only?: (name: string) => boolean): { variants: Variant[]; notes: string[] } {
  const variants: Variant[] = [];
  const notes: string[] = [];
  for (const d of descriptors()) {
    const name = d.name;
    if (only && !only(name)) continue;
    // Each algorithm's folder says how it is benchmarked (its descriptor's `benchmark` facet).
    for (const s of d.benchmark({ batchSize: c.batchSize, batchesPerEpoch: c.batchesPerEpoch, rho: c.rho ?? 0.05 })) {
      const config = { algorithm: name, learningRate: c.learningRate, ...(c.momentum ? { momentum: c.momentum } : {}), ...d.minimalConfig, ...s.config } as AlgorithmConfig;
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
