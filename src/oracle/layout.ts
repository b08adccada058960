/** How the flat vector splits into parameter tensors: one entry per tensor. */
export interface Layout {
  names: string[];
  sizes: number[];
}

/** Expands per-tensor flags to per-coordinate flags. */
export function perCoordinate(flags: boolean[], layout: Layout): boolean[] {
  return layout.sizes.flatMap((size, i) => Array<boolean>(size).fill(flags[i]));
}
