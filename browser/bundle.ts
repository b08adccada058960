/**
 * Builds a page bundle (one ES module plus an index.html that loads it) with esbuild, offline,
 * from the repository's sources and node_modules, in memory.
 *
 * Two kinds of page:
 * - `library`: what a user's bundler would see. Node built-ins are not resolvable (esbuild's
 *   browser platform), so a samcheck module on the path that imports one fails the build, and
 *   `nodeBuiltinsImported` lists any that got in through a package's "browser" field.
 * - `test`: samcheck's property and conformance code, which shares modules with the Node-only
 *   verifier (subprocess adapter, test-vector files). Node built-ins resolve to an empty module
 *   there; those code paths are never called in the page.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';
import { build, type Metafile, type Plugin } from 'esbuild';

/** File name → contents; served by browser/chromium.ts. */
export type BundleFiles = Map<string, Uint8Array>;

export interface Bundle {
  files: BundleFiles;
  /** Source files (relative to the repository) that went into the bundle. */
  inputs: string[];
  /**
   * Node built-ins some input imports: in a 'library' bundle only those a package's "browser"
   * field maps to nothing (`disabled`, e.g. tfjs-backend-wasm's emscripten glue); in a 'test'
   * bundle also the emptied ones.
   */
  nodeBuiltinsImported: { importer: string; module: string; disabled: boolean }[];
  bytes: number;
}

/** The repository root: the nearest directory above this file with a package.json (works from dist/ too). */
export function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('samcheck browser bundle: no package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isBuiltin = (path: string) => BUILTINS.has(path) || path.startsWith('node:');

/** Resolves every Node built-in to an empty CommonJS module (test pages only). */
const emptyNodeBuiltins: Plugin = {
  name: 'empty-node-builtins',
  setup(b) {
    b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => (isBuiltin(args.path) ? { path: args.path, namespace: 'node-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'node-builtin' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

function builtinsIn(metafile: Metafile): Bundle['nodeBuiltinsImported'] {
  const out: Bundle['nodeBuiltinsImported'] = [];
  for (const [importer, input] of Object.entries(metafile.inputs)) {
    for (const imp of input.imports) {
      const module = imp.original ?? imp.path;
      if (isBuiltin(module) || imp.path.startsWith('(disabled)')) out.push({ importer, module, disabled: imp.path.startsWith('(disabled)') });
    }
  }
  return out;
}

const INDEX_HTML = '<!doctype html><meta charset="utf-8"><title>samcheck</title><script type="module" src="bundle.js"></script>\n';

/** Bundles `entry` (a path relative to the repository root) for the browser. */
export async function buildPage(entry: string, kind: 'library' | 'test'): Promise<Bundle> {
  const root = repositoryRoot();
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    outfile: join(root, 'bundle.js'),
    logLevel: 'silent',
    plugins: kind === 'test' ? [emptyNodeBuiltins] : [],
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))!;
  const files: BundleFiles = new Map([
    ['index.html', new TextEncoder().encode(INDEX_HTML)],
    ['bundle.js', js.contents],
  ]);
  return {
    files,
    inputs: Object.keys(result.metafile.inputs).map((p) => relative(root, join(root, p))),
    nodeBuiltinsImported: builtinsIn(result.metafile),
    bytes: js.contents.byteLength,
  };
}
