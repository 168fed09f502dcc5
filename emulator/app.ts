import { randomBytes } from 'node:crypto';
import type { RequestListener } from 'node:http';
import type { SeededPersona } from './accounts/seed.js';
import { baseUrlOf, buildEmulator, type BuiltEmulator } from './build-emulator.js';
import type { Clock } from './clock/clock.js';
import type { EmulatorConfig } from './config/defaults.js';
import { resolveConfig, type ConfigOverrides } from './config/load-config.js';
import type { EmulatorContext } from './context.js';
import { isLoopback, type ControlAccess } from './control/guard.js';
import { commitBeforeResponse } from './http/commit-before-response.js';
import { BULK_NAMESPACES } from './oauth/adapter.js';
import { openState, type EmulatorState } from './store/state.js';
import type { Store } from './store/store.js';
import { TenantHost } from './tenants/tenant-host.js';
import { tenantRoutes } from './tenants/routes.js';
import { sharedState } from './http/shared-state.js';

export interface Emulator {
  /**
   * The request listener: hand it to `http.createServer` (or supertest), or mount it in an express app.
   * It never listens by itself.
   */
  app: RequestListener;
  /** The default tenant's: the one served at the root. */
  context: EmulatorContext;
  /** The accounts seeded at start-up (and after each reset), with their passwords. */
  personas: () => SeededPersona[];
  /** Back to the seeded state: clock, accounts, applications, tokens, journal, faults. */
  reset: () => Promise<void>;
  /** Where the state is kept: the database file (`config.dataDir`), or undefined in memory or Redis (`config.store.url`). */
  dataFile: string | undefined;
  /**
   * Set when the emulator carried on with the state an earlier run left in `config.dataDir` (accounts,
   * applications, tokens, clock) instead of seeding afresh, false otherwise; `seedChanged` when that state was
   * seeded from another seed, fixtures file or applications than the config now names (a reset re-seeds from it).
   */
  restored: false | { seedChanged: boolean };
  /** The tenants served under `/t/{id}` (docs/tenants.md). */
  tenants: TenantHost;
  /** Lets go of the state (the database and its lock); the emulator must not be used afterwards. */
  close: () => Promise<void>;
}

export interface CreateEmulatorOptions {
  /** Inject a clock (tests); by default one is made from `config.clock`. */
  clock?: Clock;
  /** Inject a store; by default an SQLite one in `config.dataDir`, else an in-memory one. */
  store?: Store;
}

/**
 * Builds an emulator: the express app and everything it owns, the default tenant at the root and any tenants
 * under `/t/{id}`. It does not listen; see `start()`.
 *
 * @example
 * const { app } = await createEmulator({ port: 0, seed: 'my-tests' });
 * await request(app).get('/hello/world').set('Accept', 'application/vnd.hmrc.1.0+json');
 */
export async function createEmulator(overrides: ConfigOverrides | EmulatorConfig = {}, options: CreateEmulatorOptions = {}): Promise<Emulator> {
  const config = resolveConfig(overrides as ConfigOverrides);
  const state = options.store ? await openState(undefined) : await openState(config.dataDir, { offHeap: BULK_NAMESPACES }, config.store.url);
  try {
    return await assemble(config, overrides as ConfigOverrides, state, options);
  } catch (e) {
    await state.close();
    throw e;
  }
}

async function assemble(config: EmulatorConfig, overrides: ConfigOverrides, state: EmulatorState, options: CreateEmulatorOptions): Promise<Emulator> {
  // Bound beyond loopback with no token configured, the control API gets one made up now (the banner prints it).
  const generated = config.control.token === undefined && !isLoopback(config.host);
  const control: ControlAccess = { token: generated ? randomBytes(24).toString('base64url') : config.control.token, generated };
  const injected = options.store;
  const scope = injected ? { meta: state.meta, store: () => injected } : state;

  const rootBaseUrl = baseUrlOf(config);
  const tenants = new TenantHost({ state, control, overrides, rootBaseUrl: () => rootBaseUrl, idleExpiry: config.tenants.idleExpiry });
  const root = await buildEmulator(config, scope, { clock: options.clock, control, tenant: undefined, pathPrefix: '', rootRoutes: tenantRoutes(tenants) });

  const served = tenants.front(root.listener);
  const listener = sharedState(state, root, served);
  const app = state.commits ? commitBeforeResponse(listener, state.commits) : listener;
  const built: BuiltEmulator = root;
  return {
    app,
    context: built.context,
    personas: built.personas,
    reset: built.reset,
    dataFile: state.file,
    restored: built.restored,
    tenants,
    close: async () => {
      tenants.close();
      await state.close();
    },
  };
}
