import fc from 'fast-check';
import type { SgdOwn } from './kernel.js';

/** SGD has no hyperparameters of its own (the base's are drawn generically). */
export const sgdArbitrary = (): fc.Arbitrary<Partial<SgdOwn>> => fc.constant({});
