/**
 * `samcheck verify …` (wired into src/cli/main.ts by the lead). Exit code 0: conformant;
 * 1: a property failed or the implementation broke the protocol; 2: bad usage.
 */
import { algorithmNames } from '../algorithms/index.js';
import { SamcheckError } from '../errors.js';
import { kernelImplementation } from './adapters/kernel.js';
import { subprocessImplementation } from './adapters/subprocess.js';
import { allMutants, formatMutantReport, referenceImplementation, verifyMutants } from './mutants/index.js';
import type { ImplementationUnderTest } from './types.js';
import { formatReport, verify, type VerifyOptions } from './verify.js';
import { writeVectors } from './vectors.js';
import { runDistributedVerify } from './distributed/cli.js';

/** The usage text; the algorithm list is the registry's (a registered algorithm appears here). */
export const verifyUsage = (): string => `usage: samcheck verify [--impl "command args"] [--property NAME]... [--algorithm A]...
                       [--seed S] [--path P] [--num-runs N] [--timeout MS]
       samcheck verify --impl "command args" --world-size N [--rendezvous HOST:PORT] [...]
       samcheck verify --mutants [--mutant ID]
       samcheck verify --vectors DIR [--seed S] [--num-runs N]
       samcheck verify --claims [--ids E1,E2] [--seed S] [--num-runs N]

  (no --impl)        verify samcheck's own tfjs kernels (backend: SAMCHECK_BACKEND, default wasm)
  --impl "cmd args"  an implementation speaking samcheck-protocol/1 over stdin/stdout
                     (spawned without a shell; spec/protocol.md; python/samcheck_adapter.py)
  --property NAME    run only these properties, as algorithm.id (e.g. sam.step-matches-oracle)
  --algorithm A      run only these algorithms (${wrap(algorithmNames().join(', '), 19)});
                     undeclared ones are reported SKIPPED
  --seed S --path P  replay one counterexample exactly (every failure prints this line)
  --num-runs N       fast-check runs per property (default 100)
  --timeout MS       per-message timeout for --impl (default 10000)
  --world-size N     start N ranks of --impl as one data-parallel implementation (torchrun's
                     RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT; {rank} etc. in the command) and
                     run the data-parallel suite (spec/protocol.md §3.2, spec/family.md §4)
  --rendezvous H:P   rank 0's rendezvous address (default 127.0.0.1 and a free port)
  --mutants          run the mutant catalog: kill rate and the property that killed each
  --mutant ID        run the suite against one mutant (exits 1 when it is caught)
  --vectors DIR      write JSON conformance vectors for implementations without a subprocess
  --claims           check the papers' claims (direction quality, SAM-edge, m-sharpness)

exit code: 0 conformant (skipped properties do not fail), 1 a property failed or the
implementation broke the protocol, 2 bad usage.`;

/** Wraps a list at 100 columns, continuation lines indented by `indent`. */
function wrap(text: string, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length + word.length > 100 - indent - 20 && line !== '') {
      lines.push(line.trimEnd());
      line = '';
    }
    line += word + ' ';
  }
  lines.push(line.trimEnd());
  return lines.join('\n' + ' '.repeat(indent));
}

/** Splits a command line into argv without a shell: whitespace separates, quotes group. */
export function splitCommand(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:\\.|[^"\\])*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]));
  return out;
}

interface Parsed {
  impl?: string;
  mutants: boolean;
  mutant: string[];
  vectors?: string;
  properties: string[];
  algorithms: string[];
  seed?: number;
  path?: string;
  numRuns?: number;
  timeout?: number;
  worldSize?: number;
  rendezvous?: string;
}

function parse(argv: string[]): Parsed {
  const p: Parsed = { mutants: false, mutant: [], properties: [], algorithms: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const int = () => {
      const v = Number(value());
      if (!Number.isInteger(v)) throw new Error(`${flag} needs an integer`);
      return v;
    };
    if (flag === '--impl') p.impl = value();
    else if (flag === '--mutants') p.mutants = true;
    else if (flag === '--mutant') p.mutant.push(value());
    else if (flag === '--vectors') p.vectors = value();
    else if (flag === '--property') p.properties.push(...value().split(','));
    else if (flag === '--algorithm') p.algorithms.push(...value().split(','));
    else if (flag === '--seed') p.seed = int();
    else if (flag === '--path') p.path = value();
    else if (flag === '--num-runs') p.numRuns = int();
    else if (flag === '--timeout') p.timeout = int();
    else if (flag === '--world-size') {
      p.worldSize = int();
      if (p.worldSize < 1) throw new Error('--world-size needs a positive integer');
    } else if (flag === '--rendezvous') p.rendezvous = value();
    else throw new Error(`unknown option ${JSON.stringify(flag)}`);
  }
  return p;
}

export async function runVerifyCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(verifyUsage());
    return 0;
  }
  let p: Parsed;
  try {
    p = parse(argv);
  } catch (e) {
    out(`${(e as Error).message}\n${verifyUsage()}`);
    return 2;
  }
  if (p.vectors !== undefined) {
    for (const path of writeVectors(p.vectors, { seed: p.seed, count: p.numRuns })) out(`wrote ${path}`);
    return 0;
  }
  const options: VerifyOptions = {
    seed: p.seed,
    numRuns: p.numRuns,
    path: p.path,
    ...(p.properties.length ? { properties: p.properties } : {}),
    ...(p.algorithms.length ? { algorithms: p.algorithms } : {}),
  };
  try {
    return await runParsed(p, options, out);
  } catch (e) {
    // verify() refuses options that would verify nothing (unknown names, --num-runs 0): usage errors.
    if (e instanceof SamcheckError && e.code === 'INVALID_ARGUMENT') {
      out(`${e.message}\n${verifyUsage()}`);
      return 2;
    }
    throw e;
  }
}

async function runParsed(p: Parsed, options: VerifyOptions, out: (line: string) => void): Promise<number> {
  if (p.mutants && p.mutant.length === 0) {
    const report = await verifyMutants({ ...options, log: out });
    out(formatMutantReport(report));
    return report.killRate === 1 ? 0 : 1;
  }
  if (p.worldSize !== undefined) {
    if (p.impl === undefined) {
      out(`--world-size needs --impl (the command each rank runs)\n${verifyUsage()}`);
      return 2;
    }
    const replayCommand = `samcheck verify --impl ${JSON.stringify(p.impl)} --world-size ${p.worldSize}`;
    return runDistributedVerify({ argv: splitCommand(p.impl), worldSize: p.worldSize, rendezvous: p.rendezvous, timeout: p.timeout }, { ...options, replayCommand }, out);
  }
  let impl: ImplementationUnderTest;
  let replay = 'samcheck verify';
  if (p.mutant.length > 0) {
    const m = allMutants().find((x) => x.id === p.mutant[0]);
    if (!m) {
      out(`unknown mutant ${JSON.stringify(p.mutant[0])}; known: ${allMutants().map((x) => x.id).join(', ')}`);
      return 2;
    }
    impl = referenceImplementation(`mutant ${m.id}`, (c, layout) => new m.make(c, layout), [m.algorithm], m.base ? [m.base] : []);
    replay += ` --mutant ${m.id}`;
  } else if (p.impl !== undefined) {
    const [command, ...args] = splitCommand(p.impl);
    impl = subprocessImplementation({ command, args, ...(p.timeout ? { messageTimeoutMs: p.timeout } : {}) });
    replay += ` --impl ${JSON.stringify(p.impl)}`;
  } else {
    impl = kernelImplementation();
  }
  try {
    const report = await verify(impl, { ...options, replayCommand: replay, log: out });
    out(formatReport(report).split('\n').slice(report.capabilities ? -3 : -2).join('\n'));
    return report.ok ? 0 : 1;
  } finally {
    await impl.dispose?.();
  }
}
