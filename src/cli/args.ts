import { InvalidArgumentError } from '../errors.js';

/** Parsed `--flag value`, `--flag=value` and `--switch` options plus positionals. */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[], switches: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (eq !== -1) options.set(name, arg.slice(eq + 1));
    else if (switches.includes(name)) options.set(name, true);
    else if (i + 1 < argv.length) options.set(name, argv[++i]);
    else throw new InvalidArgumentError(`--${name}`, undefined, 'a value', 'INVALID_ARGUMENT');
  }
  return { positionals, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  if (v === true) throw new InvalidArgumentError(`--${name}`, true, 'a value', 'INVALID_ARGUMENT');
  return v;
}

export function integerOption(args: ParsedArgs, name: string): number | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`--${name}`, v, 'an integer', 'INVALID_ARGUMENT');
  return n;
}

/** Rejects options a command does not know, naming the first. */
export function onlyOptions(args: ParsedArgs, known: readonly string[]): void {
  for (const name of args.options.keys()) {
    if (!known.includes(name)) throw new InvalidArgumentError(`--${name}`, args.options.get(name), `one of ${known.map((k) => `--${k}`).join(', ')}`, 'UNKNOWN_OPTION');
  }
}
