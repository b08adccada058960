/** A classification dataset in plain arrays (row-major features), independent of any backend. */
export interface Dataset {
  /** n × features, row-major. */
  x: Float32Array;
  /** n labels in [0, classes). */
  y: Int32Array;
  n: number;
  /** Shape of one example (e.g. [20] or [28, 28, 1]). */
  shape: number[];
  classes: number;
}

export interface Split {
  name: string;
  train: Dataset;
  test: Dataset;
  /** Provenance and parameters, for the report. */
  description: string;
}

export function featuresOf(d: Pick<Dataset, 'shape'>): number {
  return d.shape.reduce((p, s) => p * s, 1);
}

/** The first `count` examples (a view, no copy). */
export function head(d: Dataset, count: number): Dataset {
  const n = Math.min(count, d.n);
  const f = featuresOf(d);
  return { ...d, n, x: d.x.subarray(0, n * f), y: d.y.subarray(0, n) };
}

/** Examples [start, end) (a view, no copy). */
export function rows(d: Dataset, start: number, end: number): Dataset {
  const f = featuresOf(d);
  return { ...d, n: end - start, x: d.x.subarray(start * f, end * f), y: d.y.subarray(start, end) };
}
