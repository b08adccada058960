/** Public verification API: run samcheck's conformance suite against any SAM implementation. */
export { verify, formatReport, formatVerdict, propertySeed, type VerifyOptions, type VerifyReport, type PropertyVerdict, type VerdictStatus } from './verify.js';
export { CONFORMANCE_PROPERTIES, conformanceProperties, type ConformanceProperty, type Case } from './properties.js';
export { kernelImplementation, kernelCapabilities } from './adapters/kernel.js';
export { tfOptimizerImplementation, type OptimizerFactory } from './adapters/tf_optimizer.js';
export { subprocessImplementation, type SubprocessOptions, type SubprocessImplementation } from './adapters/subprocess.js';
export { PROTOCOL_VERSION, ProtocolError, ImplementationError, type ProtocolFailure } from './protocol.js';
export { RecordingOracle } from './harness.js';
export { writeVectors, type VectorOptions } from './vectors.js';
export { verifyMutants, formatMutantReport, allMutants, type Mutant, type MutantReport, type MutantResult } from './mutants/index.js';
export { runVerifyCommand, splitCommand, verifyUsage } from './cli.js';
export type * from './types.js';
