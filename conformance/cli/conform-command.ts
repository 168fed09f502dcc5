import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import { CHECKS } from '../checks.js';
import type { Reporter } from '../index.js';

interface ConformArgs {
  config?: string;
  junit?: string;
  json?: string;
  html?: string;
  only?: string[];
  'emulator-url'?: string;
  'control-token'?: string;
  tenant?: boolean;
  'expected-failures'?: string;
  'user-agent'?: 'http' | 'browser';
  'reference-vendor'?: boolean;
  quiet?: boolean;
  list?: boolean;
}

/**
 * `hmrc-sandbox conform`: runs the conformance catalogue against a vendor's software. Exit code 0 when every check
 * that is not an expected failure passes, 1 when one fails, 2 for a bad config or flags, 3 when the kit itself
 * could not run (the software would not start, the emulator was unreachable). The kit's own command: cli/main.ts
 * registers it beside the emulator's, in the shape the emulator's commands have (options, then `run`).
 */
export const conformCommand = {
  command: 'conform',
  describe: 'Drive vendor software through the link journey and its failure cases, and report per check',
  builder: (y: Argv): Argv<ConformArgs> =>
    y
      .option('config', { type: 'string', describe: 'Vendor contract, YAML or JSON (see docs/conformance.md)' })
      .option('junit', { type: 'string', describe: 'Write a JUnit XML report to this file' })
      .option('json', { type: 'string', describe: 'Write a JSON report (with journal evidence) to this file' })
      .option('html', { type: 'string', describe: 'Write a self-contained HTML report (for people reading CI artefacts) to this file' })
      .option('only', { type: 'array', string: true, describe: `Run only these checks: ${CHECKS.map((c) => c.id).join(', ')}` })
      .option('emulator-url', { type: 'string', describe: 'Use this running emulator instead of starting one; when the kit launches the software, the run takes a tenant of its own there and deletes it at the end' })
      .option('tenant', { type: 'boolean', default: true, describe: 'With --emulator-url: --no-tenant runs against the emulator itself (dedicated to the run: its clock is moved)' })
      .option('control-token', { type: 'string', describe: "The --emulator-url emulator's control token, if it needs one [default: $HMRC_SANDBOX_CONTROL_TOKEN]" })
      .option('expected-failures', { type: 'string', describe: 'YAML/JSON list of {id, reason}: failures that do not fail the run' })
      .option('user-agent', { choices: ['http', 'browser'] as const, describe: "Stand in for the user's browser with plain HTTP or Chromium [default: the config's, else http]" })
      .option('reference-vendor', { type: 'boolean', describe: "Run against the kit's own reference vendor (a self-test)" })
      .option('quiet', { type: 'boolean', describe: 'No live progress: only the summary line' })
      .option('list', { type: 'boolean', describe: 'List the checks (id, rule, reference) and exit' })
      .check((a) => {
        if (!a.config && !a['reference-vendor'] && !a.list) throw new Error('Name the vendor contract with --config vendor.yaml (or --reference-vendor)');
        return true;
      })
      .example('$0 conform --config vendor.yaml', 'Run every check; exit 1 if one fails')
      .example('$0 conform --config vendor.yaml --junit conformance.xml --json conformance.json --html conformance.html', 'Reports for CI')
      .example('$0 conform --config vendor.yaml --only token-refresh lapsed-grant', 'Just these checks')
      .example('$0 conform --config vendor.yaml --emulator-url http://hmrc:9090', 'Against a shared emulator already running (in a tenant of its own)')
      .example('$0 conform --reference-vendor', "Self-test against the kit's reference vendor")
      .example('$0 conform --list', 'The catalogue of checks'),
  run: async (args: ArgumentsCamelCase<ConformArgs>): Promise<void> => {
    if (args.list) {
      for (const check of CHECKS) process.stdout.write(`${check.id}\n  ${check.rule}\n  ${check.reference}\n\n`);
      return;
    }
    // The kit (drivers, runner, reporters) loads only when a run is asked for, so `serve` starts fast.
    const { consoleReporter, htmlReporter, jsonReporter, junitReporter, runConformance, VendorConfigError } = await import('../index.js');
    const reporters: Reporter[] = [];
    reporters.push(consoleReporter(process.stdout, { color: Boolean(process.stdout.isTTY), quiet: args.quiet }));
    if (args.junit) reporters.push(junitReporter(args.junit));
    if (args.json) reporters.push(jsonReporter(args.json));
    if (args.html) reporters.push(htmlReporter(args.html));
    // Ctrl-C or a CI time-out: finish the current check, then stop the software and the emulator; twice: now.
    const interrupted = new AbortController();
    const onSignal = (): void => {
      if (interrupted.signal.aborted) process.exit(130);
      interrupted.abort(new Error('interrupted'));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const report = await runConformance({
        configPath: args.config ?? referenceVendorConfig((problem) => new VendorConfigError([problem])),
        emulatorUrl: args['emulator-url'],
        controlToken: args['control-token'],
        tenant: args.tenant,
        only: args.only,
        expectedFailures: args['expected-failures'],
        userAgent: args['user-agent'],
        reporters,
        signal: interrupted.signal,
      });
      process.exitCode = report.summary.unexpected ? 1 : 0;
    } catch (e) {
      process.stderr.write(`hmrc-sandbox conform: ${(e as Error).message}\n`);
      process.exitCode = interrupted.signal.aborted ? 130 : e instanceof VendorConfigError ? 2 : 3;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};

/** The reference vendor's contract: beside this file in a clone (conformance/cli/), or from dist/conformance/cli/. */
function referenceVendorConfig(configError: (problem: string) => Error): string {
  for (const up of ['../', '../../../conformance/']) {
    const path = fileURLToPath(new URL(`${up}reference-vendor/vendor.yaml`, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw configError('--reference-vendor: conformance/reference-vendor/vendor.yaml not found');
}
