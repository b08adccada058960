// The registry first: each algorithm's folder holds its optimizer class, which extends SharpnessAwareOptimizer.
import '../algorithms/index.js';
export { SharpnessAwareOptimizer } from './sharpness_aware_optimizer.js';
export { SgdOptimizer } from '../algorithms/sgd/optimizer.js';
export { SamOptimizer } from '../algorithms/sam/optimizer.js';
export { UsamOptimizer } from '../algorithms/usam/optimizer.js';
export { AsamOptimizer } from '../algorithms/asam/optimizer.js';
export { MultiStepSamOptimizer } from '../algorithms/multistep-sam/optimizer.js';
export { XsamOptimizer, type XsamOptimizerConfig } from '../algorithms/xsam/optimizer.js';
export { MSamOptimizer } from '../algorithms/m-sam/optimizer.js';
export { NSamOptimizer } from '../algorithms/n-sam/optimizer.js';
export { RwSamOptimizer } from '../algorithms/rw-sam/optimizer.js';
export { hyperparameterScheduler, type EpochSchedules } from './callback.js';
export type { Schedule, Scheduled } from './schedule.js';
export type { OptimizerConfig } from './sharpness_aware_optimizer.js';
