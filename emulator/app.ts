import { createHash, randomBytes } from 'node:crypto';
import type { RequestListener } from 'node:http';
import express from 'express';
import { Accounts } from './accounts/accounts.js';
import { seedAccounts, type SeededPersona } from './accounts/seed.js';
import { Agents } from './agents/agents.js';
import { agentPageRoutes } from './agents/page-routes.js';
import { Relationships } from './agents/relationships.js';
import { SignUps } from './sign-up/sign-ups.js';
import { signUpRoutes } from './sign-up/routes.js';
import { FraudHeaderFeedback } from './apis/fraud-prevention/feedback.js';
import { apis } from './apis/index.js';
import { VatRecords } from './apis/vat/vat-records.js';
import { Applications } from './applications/applications.js';
import { createClock, type Clock, type ClockState } from './clock/clock.js';
import type { EmulatorConfig } from './config/defaults.js';
import { resolveConfig, type ConfigOverrides } from './config/load-config.js';
import type { EmulatorContext } from './context.js';
import { controlRoutes } from './control/routes.js';
import { Faults } from './control/faults.js';
import { isLoopback } from './control/guard.js';
import { Journal } from './control/journal.js';
import { Messages } from './control/messages.js';
import { gateway } from './gateway/pipeline.js';
import { bodyParsers } from './http/body.js';
import { errorHandler, notFound } from './http/error-handler.js';
import { commitBeforeResponse } from './http/commit-before-response.js';
import { frontDoor } from './http/front-door.js';
import { IncomeTax } from './income-tax/income-tax.js';
import { journeyRoutes } from './journey/routes.js';
import { assetRoutes } from './pages/assets.js';
import { oauthRoutes } from './oauth/routes.js';
import { BULK_NAMESPACES } from './oauth/adapter.js';
import { providerKeys } from './oauth/keys.js';
import { createProvider } from './oauth/provider.js';
import { TokenLookup } from './oauth/token-lookup.js';
import { openState, type EmulatorState } from './store/state.js';
import type { Store } from './store/store.js';

export interface Emulator {
  /**
   * The request listener: hand it to `http.createServer` (or supertest), or mount it in an express app.
   * It never listens by itself.
   */
  app: RequestListener;
  context: EmulatorContext;
  /** The accounts seeded at start-up (and after each reset), with their passwords. */
  personas: () => SeededPersona[];
  /** Back to the seeded state: clock, accounts, applications, tokens, journal, faults. */
  reset: () => Promise<void>;
  /** Where the state is kept: the database file (`config.dataDir`), or undefined in memory. */
  dataFile: string | undefined;
  /**
   * Set when the emulator carried on with the state an earlier run left in `config.dataDir` (accounts,
   * applications, tokens, clock) instead of seeding afresh, false otherwise; `seedChanged` when that state was
   * seeded from another seed, fixtures file or applications than the config now names (a reset re-seeds from it).
   */
  restored: false | { seedChanged: boolean };
  /** Lets go of the state (the database and its lock); the emulator must not be used afterwards. */
  close: () => Promise<void>;
}

/** Where the seeded personas (with their passwords) are kept, in the store: a reset clears and re-seeds them. */
const SEEDED = { ns: 'emulator:seeded', key: 'personas' } as const;

interface Seeded {
  personas: SeededPersona[];
  /** What they were seeded from: `seedFingerprint(config)`. */
  from: string;
}

export interface CreateEmulatorOptions {
  /** Inject a clock (tests); by default one is made from `config.clock`. */
  clock?: Clock;
  /** Inject a store; by default an SQLite one in `config.dataDir`, else an in-memory one. */
  store?: Store;
}

/**
 * Builds an emulator: the express app and everything it owns. It does not listen; see `start()`.
 *
 * @example
 * const { app } = await createEmulator({ port: 0, seed: 'my-tests' });
 * await request(app).get('/hello/world').set('Accept', 'application/vnd.hmrc.1.0+json');
 */
export async function createEmulator(overrides: ConfigOverrides | EmulatorConfig = {}, options: CreateEmulatorOptions = {}): Promise<Emulator> {
  const config = resolveConfig(overrides as ConfigOverrides);
  const state = await openState(options.store ? undefined : config.dataDir, { offHeap: BULK_NAMESPACES });
  try {
    return await build(config, state, options);
  } catch (e) {
    state.close();
    throw e;
  }
}

async function build(config: EmulatorConfig, state: EmulatorState, options: CreateEmulatorOptions): Promise<Emulator> {
  const baseUrl = (config.baseUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');
  const clock =
    options.clock ??
    createClock({
      start: config.clock.start ? Date.parse(config.clock.start) : undefined,
      frozen: config.clock.frozen,
      saved: state.meta.get<ClockState>('clock'),
      onChange: (s) => state.meta.set('clock', s),
    });
  const store = options.store ?? state.store(clock);
  const provider = createProvider(config, baseUrl, store, clock, providerKeys(state.meta));
  // Bound beyond loopback with no token configured, the control API gets one made up now (the banner prints it).
  const generated = config.control.token === undefined && !isLoopback(config.host);
  const control = { token: generated ? randomBytes(24).toString('base64url') : config.control.token, generated };

  const context: EmulatorContext = {
    config,
    baseUrl,
    clock,
    store,
    applications: new Applications(store),
    accounts: new Accounts(store),
    relationships: new Relationships(store),
    signUps: new SignUps(() => context),
    fraudFeedback: new FraudHeaderFeedback(store, clock),
    vat: new VatRecords(store, clock),
    agents: new Agents(store, clock),
    faults: new Faults(store),
    journal: new Journal(store, clock, config.journalSize),
    messages: new Messages(store, clock),
    tokens: new TokenLookup(provider),
    provider,
    incomeTax: new IncomeTax(store, clock),
    control,
  };

  const fingerprint = seedFingerprint(config);
  const seed = async (): Promise<SeededPersona[]> => {
    for (const app of config.applications) await context.applications.register(app);
    const personas = await seedAccounts(context);
    // Written last: a database without it was never completely seeded (a first start killed half-way).
    await store.set<Seeded>(SEEDED.ns, SEEDED.key, { personas, from: fingerprint });
    return personas;
  };
  // A data directory an earlier run seeded carries on as it was left; anything else is seeded afresh.
  const earlier = await store.get<Seeded>(SEEDED.ns, SEEDED.key);
  let personas: SeededPersona[];
  if (earlier) personas = earlier.personas;
  else {
    await store.clear();
    personas = await seed();
  }
  const reset = async (): Promise<void> => {
    await store.clear();
    clock.reset();
    personas = await seed();
  };

  const parsers = bodyParsers(config);
  const pages = express();
  pages.disable('x-powered-by');
  pages.set('trust proxy', true);
  pages.set('query parser', 'simple');
  pages.use('/assets', assetRoutes());
  pages.use(parsers.form, parsers.json);
  pages.use(oauthRoutes(context));
  pages.use(signUpRoutes(context));
  pages.use('/_emulator', controlRoutes(context, { reset, personas: () => personas }));
  pages.use(journeyRoutes(context));
  pages.use(agentPageRoutes(context));
  pages.use(notFound);
  pages.use(errorHandler);
  const door = frontDoor(context, gateway(context, apis), parsers, pages);
  const app = state.flush ? commitBeforeResponse(door, state.flush) : door;

  return {
    app,
    context,
    personas: () => personas,
    reset,
    dataFile: state.file,
    restored: earlier ? { seedChanged: earlier.from !== fingerprint } : false,
    close: async () => state.close(),
  };
}

/** What the seeded state depends on in the config. */
function seedFingerprint(config: EmulatorConfig): string {
  return createHash('sha256').update(JSON.stringify([config.seed, config.fixturesFile ?? null, config.applications])).digest('base64url');
}
