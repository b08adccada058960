export { SharpnessAwareOptimizer } from './sharpness_aware_optimizer.js';
export { SgdOptimizer } from './sgd_optimizer.js';
export { SamOptimizer } from './sam_optimizer.js';
export { UsamOptimizer } from './usam_optimizer.js';
export { AsamOptimizer } from './asam_optimizer.js';
