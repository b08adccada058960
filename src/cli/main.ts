/** `samcheck verify | bench | report`: one CLI in front of the library. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      console.error(`unknown command ${JSON.stringify(command)} (args: ${rest.join(' ')})\n${USAGE}`);
      return 2;
  }
}

const USAGE = `usage: samcheck <command> [options]

commands:
  verify    run the property suite against samcheck's kernels (or an implementation under test)
  bench     time the kernels
  report    run the suites and write reports/<date>/`;
