/** The built-in bases, as the tests iterate them. */
import { baseDescriptor, baseNames } from '../../src/bases/registry.js';
import type { BaseDescriptor } from '../../src/bases/descriptor.js';

export const BASES: BaseDescriptor[] = baseNames().map((n) => baseDescriptor(n));
