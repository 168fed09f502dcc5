import { dirname } from 'node:path';
import { ConfigError, configFromEnv, readConfigFile, type ConfigOverrides } from '../config/load-config.js';
import type { DataProfile, JourneyVariant } from '../config/defaults.js';
import { start } from '../server.js';
import { StateOpenError } from '../store/state-open-error.js';
import { startupBanner } from './startup-banner.js';
import type { Command } from './command.js';

interface ServeArgs {
  port?: number;
  host?: string;
  seed?: string;
  config?: string;
  fixtures?: string;
  journey?: JourneyVariant;
  data?: DataProfile;
  'base-url'?: string;
  log?: string;
  'data-dir'?: string;
  'https-port'?: number;
  'proxy-port'?: number;
  ephemeral?: boolean;
  store?: string;
}

/** Where `serve` keeps its state when neither `--data-dir`, `dataDir` nor HMRC_SANDBOX_DATA_DIR names a place. */
export const DEFAULT_DATA_DIR = 'hmrc-sandbox-data';

export const serveCommand: Command<ServeArgs> = {
  command: 'serve',
  describe: 'Start the emulator with seeded accounts and the default application',
  builder: (y) =>
    y
      .option('port', { type: 'number', describe: 'Port to listen on (0 = any free port) [default: 9090]' })
      .option('host', { type: 'string', describe: 'Interface to bind; 0.0.0.0 in containers [default: 127.0.0.1]' })
      .option('seed', { type: 'string', describe: 'Seed for generated accounts: same seed, same accounts' })
      .option('config', { type: 'string', describe: 'JSON or YAML config file (see README, "Configuration")' })
      .option('fixtures', { type: 'string', describe: 'JSON or YAML file of extra named personas' })
      .option('journey', { choices: ['sandbox', 'production'] as const, describe: 'Link-software journey to show [default: sandbox]' })
      .option('data', { choices: ['sandbox', 'realistic'] as const, describe: "Answers without Gov-Test-Scenario: HMRC sandbox's defaults or clock-derived, stateful data [default: sandbox; realistic with --journey production]" })
      .option('base-url', { type: 'string', describe: 'URL software uses to reach the emulator, e.g. http://hmrc:9090' })
      .option('log', { type: 'string', describe: 'One line per request on stdout: json (pino) or pretty; --log alone is json [default: off]' })
      .option('data-dir', { type: 'string', describe: `Directory that keeps the state across restarts (an SQLite database) and the local CA [default: ./${DEFAULT_DATA_DIR}]` })
      .option('ephemeral', { type: 'boolean', describe: 'Keep everything in memory: nothing survives the process (with --https-port, a CA is made per process)' })
      .option('store', { type: 'string', describe: 'Keep the state in Redis, shared by every emulator given the same URL: redis://host:6379/0' })
      .conflicts('ephemeral', 'data-dir')
      .conflicts('ephemeral', 'store')
      .option('https-port', { type: 'number', describe: "Also serve HTTPS on HMRC's host names, with a certificate from the local CA (docs/https.md)" })
      .option('proxy-port', { type: 'number', describe: "Also run a proxy that serves HMRC's hosts and refuses all others: HTTPS_PROXY=http://localhost:<port>" })
      .example('$0 serve', 'Start on http://localhost:9090')
      .example('$0 serve --port 0 --seed ci-42', 'Any free port, accounts from seed "ci-42"')
      .example('$0 serve --data-dir ./state', 'Keep applications, users, tokens and the clock in ./state')
      .example('$0 serve --store redis://redis:6379/0', 'Replicas on one Redis serve one team as one emulator')
      .example('$0 serve --ephemeral', 'Start empty every time, keep nothing')
      .example('$0 serve --log pretty', 'One short line per request; --log json for one JSON line each')
      .example('$0 serve --journey production', 'Add 2-step verification and identity checks to the journey')
      .example('$0 serve --data realistic', 'Obligations up to today on the virtual clock; submissions are remembered')
      .example('$0 serve --host 0.0.0.0 --base-url http://hmrc:9090', 'In a container reached as "hmrc" by other containers')
      .example('$0 serve --https-port 8443 --proxy-port 8888', "HTTPS on HMRC's host names, and a proxy to them (docs/https.md)"),
  run: async (args) => {
    const startedAt = performance.now();
    try {
      const file = args.config ? readConfigFile(args.config) : undefined;
      const flags: ConfigOverrides = {
        port: args.port,
        host: args.host,
        seed: args.seed,
        fixturesFile: args.fixtures,
        journey: args.journey,
        data: args.data,
        baseUrl: args['base-url'],
        log: args.log as ConfigOverrides['log'],
        dataDir: args['data-dir'],
        store: args.store === undefined ? undefined : { url: args.store },
        https: args['https-port'] === undefined ? undefined : { port: args['https-port'] },
        proxy: args['proxy-port'] === undefined ? undefined : { port: args['proxy-port'] },
      };
      const merged = mergeLayers(file, configFromEnv(process.env), flags);
      merged.dataDir = args.ephemeral ? undefined : (merged.dataDir ?? DEFAULT_DATA_DIR);
      const running = await start(merged);
      process.stdout.write(startupBanner(running, performance.now() - startedAt));
      const stop = (signal: NodeJS.Signals): void => {
        process.stdout.write(`\nStopping (${signal})…\n`);
        void running.stop().then(() => {
          const kept = running.emulator.dataFile ? `state kept in ${dirname(running.emulator.dataFile)}` : 'nothing kept (--ephemeral)';
          process.stdout.write(`HMRC local sandbox stopped; ${kept}.\n`);
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    } catch (e) {
      if (e instanceof StateOpenError) {
        process.stderr.write(`hmrc-sandbox: ${e.message}\n`);
        process.exit(1);
      }
      if (e instanceof ConfigError) {
        process.stderr.write(`hmrc-sandbox: ${e.message}\n`);
        process.exit(2);
      }
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EADDRINUSE') {
        process.stderr.write(`hmrc-sandbox: port ${args.port ?? 9090} is already in use; pick another with --port\n`);
        process.exit(2);
      }
      throw e;
    }
  },
};

/** Layers config sources left to right, dropping undefined values so they do not override. */
function mergeLayers(...layers: Array<ConfigOverrides | undefined>): ConfigOverrides {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (value === undefined) continue;
      const base = out[key];
      out[key] = base && typeof base === 'object' && !Array.isArray(base) && typeof value === 'object' && !Array.isArray(value) ? { ...base, ...value } : value;
    }
  }
  return out as ConfigOverrides;
}
