/** The oracle's own default filling: its defaults are written from spec/, never read from the kernels. */
export function fill<Own extends object>(defaults: Own, given: Partial<Own>, derived: (o: Own) => Partial<Own> = () => ({})): Own {
  const out = { ...defaults } as Record<string, unknown>;
  for (const key of Object.keys(defaults)) {
    const value = (given as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  const own = out as Own;
  for (const [key, value] of Object.entries(derived(own))) if ((given as Record<string, unknown>)[key] === undefined) (own as Record<string, unknown>)[key] = value;
  return own;
}
