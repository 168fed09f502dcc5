#!/usr/bin/env node
import '../emulator/cli/heap.js';
import yargs, { type ArgumentsCamelCase } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { conformCommand } from '../conformance/cli/conform-command.js';
import { caCommand } from '../emulator/cli/ca-command.js';
import type { Command } from '../emulator/cli/command.js';
import { serveCommand } from '../emulator/cli/serve-command.js';

/**
 * `hmrc-sandbox`: the command line of the two products, composed here and in neither: the emulator's commands
 * (emulator/cli/: serve, ca) and the conformance kit's (conformance/cli/: conform). The emulator never imports the
 * kit, and the kit reaches the emulator only through emulator/index.ts (test/architecture/boundaries.test.ts).
 * Each command lives in its own file.
 */
// Output piped into a reader that stops early (`conform --list | head`) is not an error: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const cli = yargs(hideBin(process.argv)).scriptName('hmrc-sandbox');
const runs = new Map<string, (args: ArgumentsCamelCase) => Promise<void>>();
const add = <A>(c: Command<A>): void => {
  cli.command(c.command, c.describe, c.builder);
  runs.set(c.command, (args) => c.run(args as ArgumentsCamelCase<A>));
};
add(serveCommand);
add(conformCommand);
add(caCommand);
skipCachingHelp(cli);

const args = await cli
  .demandCommand(1, 'Name a command: serve, conform or ca')
  .strict()
  .help()
  .alias('h', 'help')
  .version(false)
  .wrap(Math.min(110, process.stdout.columns || 100))
  .parseAsync();
await runs.get(String(args._[0]))!(args);

/**
 * Before it calls a command's handler (the empty one it gives a command registered without one, as ours are), yargs
 * renders that command's whole help text and caches it, to show should the handler fail. Our commands run after
 * parsing, outside yargs, so that text is never shown; rendering it was 25-30 ms of every start, a tenth of the
 * emulator's cold start (docs/benchmarks.md). `--help`, and a mistake in the arguments, still render the help when
 * they happen. It is reached through yargs' internal methods: with a yargs that lacks them, only the time changes.
 */
function skipCachingHelp(y: unknown): void {
  type Internals = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } | undefined } };
  const usage = (y as Internals).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}
