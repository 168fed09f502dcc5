import { randomBytes } from 'node:crypto';
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
import { createClock, type Clock } from './clock/clock.js';
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
import { frontDoor } from './http/front-door.js';
import { IncomeTax } from './income-tax/income-tax.js';
import { journeyRoutes } from './journey/routes.js';
import { assetRoutes } from './pages/assets.js';
import { oauthRoutes } from './oauth/routes.js';
import { BULK_NAMESPACES } from './oauth/adapter.js';
import { createProvider } from './oauth/provider.js';
import { TokenLookup } from './oauth/token-lookup.js';
import { createMemoryStore } from './store/memory-store.js';
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
}

export interface CreateEmulatorOptions {
  /** Inject a clock (tests); by default one is made from `config.clock`. */
  clock?: Clock;
  /** Inject a store; by default an in-memory one. */
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
  const baseUrl = (config.baseUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');
  const clock = options.clock ?? createClock({ start: config.clock.start ? Date.parse(config.clock.start) : undefined, frozen: config.clock.frozen });
  const store = options.store ?? createMemoryStore(clock, { offHeap: BULK_NAMESPACES });
  const cookieKeys = [randomBytes(32).toString('base64url')];
  const provider = createProvider(config, baseUrl, store, clock, cookieKeys);
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

  let personas: SeededPersona[] = [];
  const seed = async (): Promise<void> => {
    for (const app of config.applications) await context.applications.register(app);
    personas = await seedAccounts(context);
  };
  await seed();
  const reset = async (): Promise<void> => {
    await store.clear();
    clock.reset();
    await seed();
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
  const app = frontDoor(context, gateway(context, apis), parsers, pages);

  return { app, context, personas: () => personas, reset };
}
