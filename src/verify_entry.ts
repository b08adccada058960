/**
 * samcheck/verify: the float64 oracles (mathjs), the analysis of the papers' claims, the verifier of
 * other implementations (fast-check) and the reports. Kept out of the main entry so that
 * `import 'samcheck'` loads only the optimizers and kernels.
 */
// Oracles (float64, mathjs; spec/functions.md)
export { oracleStep, initialOracleState, type Layout } from './oracle/algorithms.js';
export type { OracleObjective, Vector } from './oracle/objective.js';
export * from './oracle/functions/index.js';
export { quadraticBallMaximizer, numericalBallMaximizer } from './oracle/maximizer/index.js';

// Analysis: SAM-edge, direction quality, sharpness (spec/claims.md)
export { claims, checkClaims, type Claim, type ClaimReport, type ClaimResult, type ClaimRunOptions, type ClaimStatus } from './analysis/claims.js';
export { samEdge, samEdgeTensor, usamEdge, gdEdge, momentumEdge } from './analysis/edges.js';
export { compareDirections, directionQuality } from './analysis/direction.js';
export { powerIteration, lanczos, finiteDifferenceHvp as objectiveHvp } from './analysis/hessian.js';

// Verifying other implementations (spec/protocol.md); the vitest entry is 'samcheck/vitest'
export * from './verify/index.js';

// Reports (spec/benchmarks.md)
export { runReport, type ReportOptions, type ReportResult } from './report/index.js';
