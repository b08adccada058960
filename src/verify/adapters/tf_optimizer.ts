/**
 * Any `tf.Optimizer` as an implementation under test: `minimize(f)` is driven with a loss whose
 * value and gradient come from the harness through `tf.customGrad`, so the harness sees (and
 * counts) every forward and backward pass the optimizer makes.
 */
import { tf } from '../../tf.js';
import { fromFlat } from '../../kernels/tree.js';
import type { AlgorithmConfig, Capabilities, GradientOracle, ImplementationSession, ImplementationUnderTest, Layout } from '../types.js';
import { shapesOf } from './tensors.js';

export type OptimizerFactory = (config: AlgorithmConfig, layout: Layout) => tf.Optimizer;

export function tfOptimizerImplementation(name: string, factory: OptimizerFactory, capabilities: Capabilities): ImplementationUnderTest {
  return {
    name,
    // minimize(f) hands the optimizer one loss closure: no per-sample views (m-SAM, n-SAM and
    // RW-SAM are then SKIPPED, as the optimizers themselves reject such a closure).
    capabilities: async () => ({ ...capabilities, finiteSum: false }),
    async createSession(config, layout): Promise<ImplementationSession> {
      const optimizer = factory(config, layout);
      const shapes = shapesOf(layout);
      let variables: tf.Variable[] | null = null;
      let current: GradientOracle | null = null;
      const flatValues = (ts: tf.Tensor[]) => ts.flatMap((t) => Array.from(t.dataSync()));
      const loss = tf.customGrad((...args) => {
        const point = flatValues(args.slice(0, shapes.length) as tf.Tensor[]);
        const value = current!.evaluate(point, ['value']).value!;
        return {
          value: tf.scalar(value),
          gradFunc: (dy: tf.Tensor) => fromFlat(current!.evaluate(point, ['gradient']).gradient!, shapes).map((g) => tf.mul(g, dy)),
        };
      });
      return {
        async step(params, oracle) {
          // Variable names end with the layout name: name-based presets (ASAM's biases) see it.
          const values = fromFlat(params, shapes);
          if (variables === null) variables = values.map((v, i) => tf.variable(v, true, `samcheck_verify_${uniqueId++}/${layout.names[i]}`));
          else variables.forEach((v, i) => v.assign(values[i]));
          tf.dispose(values);
          current = oracle;
          try {
            const vars = variables;
            tf.tidy(() => {
              optimizer.minimize(() => loss(...vars) as tf.Scalar, false, vars);
            });
          } finally {
            current = null;
          }
          return { params: flatValues(variables) };
        },
        async close() {
          if (variables !== null) tf.dispose(variables);
          optimizer.dispose();
        },
      };
    },
  };
}

let uniqueId = 0;
