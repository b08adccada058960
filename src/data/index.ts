export * from './dataset.js';
export * from './random.js';
export * from './synthetic.js';
export * from './idx.js';
