// XSAM and multi-step ascent properties (spec/family.md). One entry file so tfjs loads once.
import './xsam_construction.props.js';
import './probes.props.js';
import './degenerate.props.js';
