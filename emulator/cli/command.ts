import type { ArgumentsCamelCase, Argv } from 'yargs';

/**
 * One `hmrc-sandbox` command: its options (`builder`) and what it does (`run`). cli/main.ts registers the options
 * with yargs and calls `run` itself once the arguments are parsed, rather than giving yargs a handler: before
 * calling a handler yargs renders and caches the command's whole help text (to show it should the handler
 * fail), about 15 ms of the emulator's cold start.
 */
export interface Command<A> {
  command: string;
  describe: string;
  builder: (y: Argv) => Argv<A>;
  run: (args: ArgumentsCamelCase<A>) => Promise<void>;
}
