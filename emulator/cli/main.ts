#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { conformCommand } from './conform-command.js';
import { serveCommand } from './serve-command.js';

/** `hmrc-sandbox`: the emulator and conformance kit's command line. Each command lives in its own file. */
await yargs(hideBin(process.argv))
  .scriptName('hmrc-sandbox')
  .command(serveCommand)
  .command(conformCommand)
  .demandCommand(1, 'Name a command: serve or conform')
  .strict()
  .help()
  .alias('h', 'help')
  .version(false)
  .wrap(Math.min(110, process.stdout.columns || 100))
  .parseAsync();
