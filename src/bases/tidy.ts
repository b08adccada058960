/** tf.tidy for base results, which hold plain numbers and nulls beside tensors (tfjs keeps only the tensors). */
import { tf } from '../tf.js';
import type { Tree } from '../kernels/types.js';

export const tidyState = <S>(fn: () => S): S => tf.tidy(() => fn() as never) as unknown as S;

export const tidyUpdate = <S>(fn: () => { params: Tree; state: S }): { params: Tree; state: S } => tidyState(fn);
