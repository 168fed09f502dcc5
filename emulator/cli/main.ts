#!/usr/bin/env node
import './heap.js';
import yargs, { type ArgumentsCamelCase } from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { Command } from './command.js';
import { caCommand } from './ca-command.js';
import { conformCommand } from './conform-command.js';
import { serveCommand } from './serve-command.js';

/** `hmrc-sandbox`: the emulator and conformance kit's command line. Each command lives in its own file. */
const cli = yargs(hideBin(process.argv)).scriptName('hmrc-sandbox');
const runs = new Map<string, (args: ArgumentsCamelCase) => Promise<void>>();
const add = <A>(c: Command<A>): void => {
  cli.command(c.command, c.describe, c.builder);
  runs.set(c.command, (args) => c.run(args as ArgumentsCamelCase<A>));
};
add(serveCommand);
add(conformCommand);
add(caCommand);

const args = await cli
  .demandCommand(1, 'Name a command: serve, conform or ca')
  .strict()
  .help()
  .alias('h', 'help')
  .version(false)
  .wrap(Math.min(110, process.stdout.columns || 100))
  .parseAsync();
await runs.get(String(args._[0]))!(args);
