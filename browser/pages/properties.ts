/**
 * The property page: samcheck's kernel-vs-oracle property, the cross-backend agreement properties
 * and the conformance suite for samcheck's own kernels, run inside the browser on the backend the
 * Node side asks for (properties/browser/). Built by browser/bundle.ts as a 'test' page.
 */
import fc from 'fast-check';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../src/tf.js';
import { exactHvp, finiteDifferenceHvp, setBackendFixes } from '../../src/backend/index.js';
import { kernelImplementation, verify, type PropertyVerdict } from '../../src/verify/index.js';
import { correct } from '../../properties/core/broken.js';
import { configArb } from '../../properties/core/configs.js';
import { compareSteps, oracleStaysBounded, worstRatio } from '../../properties/core/harness.js';
import { coreProblem } from '../../properties/core/problems.js';
import { matMulAgreement } from '../../properties/backends/matmul_agreement.js';
import { ELEMENTWISE_OPS, elementwiseAgreement, manyTermAddNAgreement, reductionAgreement } from '../../properties/backends/ops_agreement.js';
import { samStepAgreement } from '../../properties/backends/sam_step_agreement.js';
import { convAgreement } from '../../properties/backends/conv_agreement.js';
import { hvpAgreesWithExactHessian } from '../../properties/backends/hvp_agreement.js';
import { installPage, selectBackend, type PropertyOutcome } from './page.js';

/**
 * P1 of spec/properties.md (properties/core/kernel_vs_oracle.test.ts) on the page's backend:
 * SGD, SAM, USAM and ASAM with every option agree with the float64 oracle over 1–3 steps within T1.
 */
const kernelMatchesOracle = () =>
  fc.property(
    coreProblem().chain((p) => fc.record({ p: fc.constant(p), config: configArb(p.f.layout.sizes.length), steps: fc.integer({ min: 1, max: 3 }) })),
    ({ p, config, steps }) => {
      fc.pre(oracleStaysBounded(config, p.f, p.theta0, steps));
      const ratio = worstRatio(compareSteps(correct, config, p.f, p.theta0, steps));
      if (!(ratio <= 1)) throw new Error(`kernel ≠ oracle: error/tolerance ${ratio} on ${tf.getBackend()}`);
    },
  );

type Property = (backend: string) => fc.IRawProperty<never>;
const asProperty = (p: fc.IRawProperty<unknown>) => p as fc.IRawProperty<never>;

/** Every property the page runs, by the name the Node side uses. */
export const PROPERTIES: Record<string, Property> = {
  'kernel-vs-oracle': () => asProperty(kernelMatchesOracle()),
  matmul: (b) => asProperty(matMulAgreement(b, { maxDim: 6 })),
  'matmul-long-k': (b) => asProperty(matMulAgreement(b, { maxDim: 4, maxBatch: 0, inner: [100, 300] })),
  ...Object.fromEntries(ELEMENTWISE_OPS.map((op) => [`ops-${op}`, (b: string) => asProperty(elementwiseAgreement(b, op))])),
  reductions: (b) => asProperty(reductionAgreement(b)),
  'addn-many': (b) => asProperty(manyTermAddNAgreement(b)),
  'sam-step': (b) => asProperty(samStepAgreement(b)),
  conv: (b) => asProperty(convAgreement(b)),
  'hvp-exact': () => asProperty(hvpAgreesWithExactHessian('exact', exactHvp)),
  'hvp-finite-difference': () => asProperty(hvpAgreesWithExactHessian('finiteDifference', finiteDifferenceHvp)),
};

export interface PropertyArgs {
  backend: string;
  name: string;
  numRuns: number;
  seed: number;
  path?: string;
  /** false: run against stock tfjs (the fix layer off), to see a finding fail. */
  fixes?: boolean;
  /** Stop at the first failure without shrinking (a test that expects the failure). */
  endOnFailure?: boolean;
}

async function property(args: PropertyArgs): Promise<PropertyOutcome> {
  const build = PROPERTIES[args.name];
  if (build === undefined) throw new Error(`no page property ${args.name}; known: ${Object.keys(PROPERTIES).join(', ')}`);
  await selectBackend(args.backend);
  const before = tf.memory().numTensors;
  const started = performance.now();
  setBackendFixes(args.fixes !== false);
  let details: fc.RunDetails<never>;
  try {
    details = await fc.check(build(args.backend), { numRuns: args.numRuns, seed: args.seed, endOnFailure: args.endOnFailure ?? false, ...(args.path !== undefined ? { path: args.path } : {}) });
  } finally {
    setBackendFixes(true);
  }
  // The property leaves the candidate backend current; count on it (each backend keeps its own tensors).
  await selectBackend(args.backend);
  return {
    failed: details.failed,
    message: details.failed ? `${fc.defaultReportMessage(details)}\n${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}` : undefined,
    numRuns: details.numRuns,
    numSkips: details.numSkips,
    ms: performance.now() - started,
    tensorsLeaked: tf.memory().numTensors - before,
  };
}

async function conformance(args: { backend: string; algorithm: string; property: string; numRuns: number; seed: number }): Promise<PropertyVerdict> {
  await selectBackend(args.backend);
  const report = await verify(kernelImplementation(), { seed: args.seed, numRuns: args.numRuns, algorithms: [args.algorithm], properties: [`${args.algorithm}.${args.property}`] });
  const verdict = report.verdicts[0];
  if (verdict === undefined) throw new Error(`no verdict for ${args.algorithm}.${args.property}`);
  return verdict;
}

installPage({ property, conformance, properties: async () => Object.keys(PROPERTIES) });
