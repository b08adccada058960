/** `samcheck verify | bench | report`: one CLI in front of the library. */
import '../algorithms/index.js';
import { InvalidArgumentError, SamcheckError } from '../errors.js';
import { integerOption, onlyOptions, parseArgs, stringOption, type ParsedArgs } from './args.js';

const USAGE = `usage: samcheck <command> [options]

commands:
  verify    check an implementation against the property suite (default: samcheck's own kernels)
            --claims              print the papers' claims table with pass/fail and counterexamples
            --impl "cmd args"     an implementation speaking samcheck-protocol/1 (spec/protocol.md)
            --mutants             run the mutant catalog and report the kill rate
            --vectors DIR         write JSON conformance vectors
            (samcheck verify --help for all options)
  bench     time the kernels (every algorithm, every backend) and print the table
            [--quick] [--backends wasm,cpu] [--seed N]
  report    run the suites and write reports/<date>/ (report.md, report.json, SVG figures, index.html)
            [--quick] [--out DIR] [--backends a,b] [--seed N] [--suites a,b] [--date NAME]
            [--previous PATH] [--merge DIR...]

environment: SAMCHECK_BACKEND=wasm|cpu|tensorflow|webgpu selects the backend (default wasm).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        console.log(USAGE);
        return 0;
      case 'verify':
        if (rest.includes('--claims')) return await claimsCommand(parseArgs(rest, ['claims']));
        // samcheck's own kernels run on the backend SAMCHECK_BACKEND selects (default wasm).
        await (await import('../backend/index.js')).useBackend();
        return await (await import('../verify/cli.js')).runVerifyCommand(rest);
      case 'bench':
        return await benchCommand(parseArgs(rest, ['quick']));
      case 'report':
        return await reportCommand(rest);
      default:
        console.error(`unknown command ${JSON.stringify(command)}\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof SamcheckError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
}

const list = (args: ParsedArgs, name: string): string[] | undefined =>
  stringOption(args, name)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

async function claimsCommand(args: ParsedArgs): Promise<number> {
  onlyOptions(args, ['claims', 'seed', 'num-runs', 'ids', 'backend']);
  const { useBackend } = await import('../backend/index.js');
  await useBackend({ backend: stringOption(args, 'backend') ?? 'cpu' });
  const { checkClaims } = await import('../analysis/claims.js');
  const { formatClaimsTable } = await import('./claims_table.js');
  const reports = checkClaims({ seed: integerOption(args, 'seed'), numRuns: integerOption(args, 'num-runs'), ids: list(args, 'ids') });
  console.log(formatClaimsTable(reports));
  return reports.every((r) => r.passed) ? 0 : 1;
}

async function benchCommand(args: ParsedArgs): Promise<number> {
  onlyOptions(args, ['quick', 'backends', 'seed']);
  const { suiteLoader } = await import('../report/suites.js');
  const { progressBar } = await import('../report/progress.js');
  const { markdownTable } = await import('../report/render.js');
  const kernels = suiteLoader('kernels');
  if (!kernels) throw new InvalidArgumentError('suites', 'kernels', 'a registered kernels suite (bin/samcheck.js registers the benchmark suites)', 'UNKNOWN_OPTION');
  const suite = await kernels();
  const progress = progressBar();
  const result = await suite.run({
    quick: args.options.has('quick'),
    seed: integerOption(args, 'seed') ?? 0,
    backends: list(args, 'backends') ?? ['wasm', 'cpu'],
    progress: (fraction, detail) => progress({ kind: 'progress', suite: suite.name, fraction, overall: fraction, ...(detail ? { detail } : {}) }),
  });
  for (const table of result.tables) console.log(`\n${table.title}\n\n${markdownTable(table)}`);
  for (const note of result.notes) console.log(`note: ${note}`);
  return 0;
}

async function reportCommand(argv: string[]): Promise<number> {
  // --merge takes every following non-option argument.
  const mergeAt = argv.indexOf('--merge');
  const merge: string[] = [];
  let rest = argv;
  if (mergeAt !== -1) {
    let end = mergeAt + 1;
    while (end < argv.length && !argv[end].startsWith('--')) merge.push(argv[end++]);
    rest = [...argv.slice(0, mergeAt), ...argv.slice(end)];
  }
  const args = parseArgs(rest, ['quick']);
  onlyOptions(args, ['quick', 'out', 'backends', 'seed', 'suites', 'date', 'previous']);
  const { runReport, progressBar } = await import('../report/index.js');
  const { report } = await runReport({
    quick: args.options.has('quick'),
    out: stringOption(args, 'out'),
    backends: list(args, 'backends'),
    seed: integerOption(args, 'seed'),
    suites: list(args, 'suites'),
    date: stringOption(args, 'date'),
    previous: stringOption(args, 'previous'),
    ...(merge.length > 0 ? { merge } : {}),
    onProgress: progressBar(),
  });
  for (const r of report.regressions) console.log(`regression: ${JSON.stringify(r)}`);
  return 0;
}
