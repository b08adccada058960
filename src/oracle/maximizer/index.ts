export { quadraticBallMaximizer, type BallMaximizer, type BallMaximizerKind } from './quadratic.js';
export { numericalBallMaximizer, bestSampledGain, ballKkt, projectOntoBall, randomInBall, type NumericalMaximizer, type NumericalMaximizerOptions } from './numerical.js';
