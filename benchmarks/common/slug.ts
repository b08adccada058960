/** A metric-name segment: lower case, runs of other characters as one '-', none at the ends. */
export const slug = (s: string, maxLength = Infinity): string =>
  s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, maxLength);
