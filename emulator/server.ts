import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator } from './app.js';
import type { SeededPersona } from './accounts/seed.js';
import type { ApplicationConfig } from './config/defaults.js';
import type { ConfigOverrides } from './config/load-config.js';
import type { TlsListeners } from './tls/tls-listeners.js';

export interface RunningEmulator {
  /** e.g. `http://localhost:9090`: point the software here instead of https://test-api.service.hmrc.gov.uk. */
  baseUrl: string;
  port: number;
  /** The seeded applications, with their client IDs and secrets. */
  applications: ApplicationConfig[];
  /** The seeded accounts, with their user IDs and passwords. */
  personas: SeededPersona[];
  emulator: Emulator;
  /**
   * The TLS listener and proxy on HMRC's host names, when `https.port` or `proxy.port` asked for them (docs/https.md):
   * their ports and the local CA to trust.
   */
  tls?: Omit<TlsListeners, 'close'> | undefined;
  stop: () => Promise<void>;
}

/**
 * Starts an emulator listening on `config.port` (0 picks a free port). For a vendor's own test runner,
 * e.g. a vitest `globalSetup`:
 *
 * @example
 * import { start } from 'hmrc-local-sandbox';
 * const sandbox = await start({ port: 0, seed: 'ci' });
 * process.env.HMRC_BASE_URL = sandbox.baseUrl;
 * // … later
 * await sandbox.stop();
 */
export async function start(config: ConfigOverrides = {}): Promise<RunningEmulator> {
  // The port is known only once listening (port 0), and the emulator's base URL needs it; so the server listens
  // first, and what arrives before the emulator is built waits for it rather than hanging unanswered.
  let ready: (listener: RequestListener | undefined) => void = () => undefined;
  const built = new Promise<RequestListener | undefined>((resolve) => (ready = resolve));
  const early: RequestListener = (req, res) => {
    void built.then((listener) => {
      if (listener) return listener(req, res);
      res.writeHead(503, { 'Content-Type': 'application/json', Connection: 'close' }).end(JSON.stringify({ code: 'SERVER_ERROR', message: 'Service unavailable' }));
    });
  };
  const server: Server = createServer(early);
  const host = config.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port ?? 9090, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let emulator: Emulator;
  try {
    emulator = await createEmulator({ ...config, port, host, baseUrl: config.baseUrl ?? `http://localhost:${port}` });
  } catch (e) {
    ready(undefined);
    server.close();
    throw e;
  }
  ready(emulator.app);
  server.off('request', early).on('request', emulator.app);
  server.keepAliveTimeout = 5_000;
  const stopPlain = (): Promise<void> =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const { https, proxy, dataDir } = emulator.context.config;
  let tls: TlsListeners | undefined;
  if (https.port !== undefined || proxy.port !== undefined) {
    try {
      // Loaded only when asked for: the X.509 library under it is a sixth of the bundle and ~50 ms of every start.
      const { startTlsListeners } = await import('./tls/tls-listeners.js');
      tls = await startTlsListeners({ https, proxy, dataDir }, host, emulator.app);
    } catch (e) {
      await stopPlain();
      await emulator.close();
      throw e;
    }
  }
  return {
    baseUrl: emulator.context.baseUrl,
    port,
    applications: emulator.context.config.applications,
    personas: emulator.personas(),
    emulator,
    tls: tls && { httpsPort: tls.httpsPort, proxyPort: tls.proxyPort, ca: tls.ca },
    stop: async () => {
      await Promise.all([stopPlain(), tls?.close()]);
      await emulator.close();
    },
  };
}
