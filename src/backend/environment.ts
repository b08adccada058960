/**
 * Where samcheck's backend code runs: Node or a browser. The browser build (spec/backends.md,
 * "In a browser") must not touch `process`, which browsers do not define.
 */

/** An environment variable in Node; always undefined in a browser. */
export function environmentVariable(name: string): string | undefined {
  return typeof process === 'undefined' ? undefined : process.env?.[name];
}

/** True in a browser page or worker (no Node `process.versions.node`). */
export function inBrowser(): boolean {
  return typeof process === 'undefined' || process.versions?.node === undefined;
}

/**
 * Imports an optional package by a computed name, so that a user's bundler neither bundles it nor
 * fails when it is absent; in a browser the user's own `import` of the package registers it.
 */
export function importOptional(name: string): Promise<unknown> {
  return import(/* @vite-ignore */ /* webpackIgnore: true */ name);
}
