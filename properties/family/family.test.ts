// Kernel-vs-oracle, finite-sum, pass-count and leak properties (spec/family.md). One entry file so tfjs loads once.
import './kernel_vs_oracle.props.js';
import './finite_sum.props.js';
import './counts.props.js';
