// The consumer-project test (slow, so not part of `npm test`; .ci/run runs it as its own step):
// npm pack → a fresh temporary npm project → npm install <tarball> from the npm cache
// (--prefer-offline: npm ci caches the tarballs, not the registry metadata npm install resolves)
// → consumer.mjs. Prints the tarball size for the report.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'samcheck-consumer-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
try {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root));
  const tarball = join(dir, packed.filename);
  console.log(`tarball ${packed.filename}: ${(statSync(tarball).size / 1e6).toFixed(2)} MB packed, ${(packed.unpackedSize / 1e6).toFixed(2)} MB unpacked, ${packed.entryCount} files`);
  const project = join(dir, 'project');
  run('mkdir', ['-p', project], dir);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=optional', tarball, '@tensorflow/tfjs-layers@4.22.0'], project);
  copyFileSync(join(import.meta.dirname, 'consumer.mjs'), join(project, 'consumer.mjs'));
  process.stdout.write(run('node', ['consumer.mjs'], project));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
