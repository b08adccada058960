/** samcheck's own kernels (createAlgorithm + step) as an implementation under test. */
import { tf } from '../../tf.js';
import { algorithmNames, type AlgorithmConfig } from '../../algorithms/index.js';
import { baseNames } from '../../bases/registry.js';
import { fromFlat } from '../../kernels/tree.js';
import { createAlgorithm, disposeReplaced, initState, step, tensorsIn, type AlgorithmState } from '../../kernels/step.js';
import type { Capabilities, ImplementationSession, ImplementationUnderTest, Layout } from '../types.js';
import { flatOf, oracleObjective, shapesOf } from './tensors.js';

/** What samcheck's kernels support: every algorithm registered at the time of the call. */
export const kernelCapabilities = (): Capabilities => ({
  algorithms: Object.fromEntries(algorithmNames().map((a) => [a, {}])),
  bases: Object.fromEntries(baseNames().filter((b) => b !== 'sgd').map((b) => [b, {}])),
  options: { momentum: true, dampening: true, nesterov: true, weightDecay: true, weightDecayIn: ['base', 'loss', 'decoupled'] },
  policies: { zeroGradient: 'guard' },
  // m-SAM, n-SAM and RW-SAM run on the finite-sum views oracleObjective builds from the step's data.
  finiteSum: true,
  precision: 'float32',
});

export function kernelImplementation(capabilities: Capabilities = kernelCapabilities()): ImplementationUnderTest {
  return {
    name: 'samcheck kernels',
    capabilities: async () => capabilities,
    async createSession(config: AlgorithmConfig, layout: Layout): Promise<ImplementationSession> {
      const algorithm = createAlgorithm(config, { names: layout.names });
      const shapes = shapesOf(layout);
      let state: AlgorithmState | null = null;
      return {
        async step(params, oracle) {
          const theta = fromFlat(params, shapes);
          state ??= initState(algorithm, theta);
          let r;
          try {
            r = step(algorithm, theta, oracleObjective(oracle, layout), state, { record: true });
          } catch (e) {
            tf.dispose(theta);
            throw e;
          }
          const { info } = r;
          const outcome = {
            params: flatOf(r.params),
            diagnostics: {
              ...(info.perturbation ? { perturbation: flatOf(info.perturbation) } : {}),
              ...(info.appliedGradient ? { appliedGradient: flatOf(info.appliedGradient) } : {}),
              ...(info.ascentPoints ? { ascentPoints: info.ascentPoints.map(flatOf) } : {}),
            },
          };
          disposeReplaced(state, r.state);
          state = r.state;
          const keep = new Set(tensorsIn(state));
          tf.dispose(tensorsIn([theta, r.params, r.info]).filter((t) => !keep.has(t)));
          return outcome;
        },
        async close() {
          if (state !== null) tf.dispose(tensorsIn(state));
          state = null;
        },
      };
    },
  };
}
