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
export { MomentumSamOptimizer } from '../algorithms/momentum-sam/optimizer.js';
export { VassoOptimizer } from '../algorithms/vasso/optimizer.js';
export { SampaOptimizer } from '../algorithms/sampa/optimizer.js';
export { GsamOptimizer } from '../algorithms/gsam/optimizer.js';
export { WsamOptimizer } from '../algorithms/wsam/optimizer.js';
export { LookSamOptimizer } from '../algorithms/looksam/optimizer.js';
