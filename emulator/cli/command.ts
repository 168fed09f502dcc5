import type { ArgumentsCamelCase, Argv } from 'yargs';

/**
 * One `hmrc-sandbox` command: its options (`builder`) and what it does (`run`). cli/main.ts registers the options
 * with yargs and calls `run` itself once the arguments are parsed, rather than giving yargs a handler, so yargs
 * has no reason to render the command's help before it runs (cli/main.ts, `skipCachingHelp`).
 */
export interface Command<A> {
  command: string;
  describe: string;
  builder: (y: Argv) => Argv<A>;
  run: (args: ArgumentsCamelCase<A>) => Promise<void>;
}
