import { createHash } from 'node:crypto';
import type { RequestListener } from 'node:http';
import express from 'express';
import { Accounts } from './accounts/accounts.js';
import { seedAccounts, type SeededPersona } from './accounts/seed.js';
import { Agents } from './agents/agents.js';
import { CLIENT_LINK_PREFIX } from './agents/client-link.js';
import { COPY_ACROSS_PATH } from './agents/copy-across-pages.js';
import { agentPageRoutes } from './agents/page-routes.js';
import { Relationships } from './agents/relationships.js';
import { seedPersonaAgentClients } from './agents/seed-agent-clients.js';
import { SUBSCRIPTION_PATH } from './agents/subscription-steps.js';
import { SignUps } from './sign-up/sign-ups.js';
import { SIGN_UP_PATH } from './sign-up/paths.js';
import { signUpRoutes } from './sign-up/routes.js';
import { VatSignUps } from './vat/sign-up/vat-sign-ups.js';
import { VAT_SIGN_UP_PATH } from './vat/sign-up/paths.js';
import { vatSignUpRoutes } from './vat/sign-up/routes.js';
import { FraudHeaderFeedback } from './apis/fraud-prevention/feedback.js';
import { apis } from './api-list.js';
import { VatRecords } from './vat/api/vat-records.js';
import { Applications } from './applications/applications.js';
import { createClock, type Clock, type ClockState } from './clock/clock.js';
import type { EmulatorConfig } from './config/defaults.js';
import type { EmulatorContext } from './context.js';
import { controlRoutes } from './control/routes.js';
import { Faults } from './control/faults.js';
import type { ControlAccess } from './control/guard.js';
import type { ControlRoute } from './control/route-table.js';
import { Journal } from './control/journal.js';
import { Messages } from './messages/messages.js';
import { gateway } from './gateway/pipeline.js';
import { bodyParsers } from './http/body.js';
import { errorHandler, notFound, surface, type Surface } from './error-handler.js';
import { frontDoor, settleDue } from './front-door.js';
import { IncomeTax } from './income-tax/income-tax.js';
import { journeyPolicy } from './journey/policy.js';
import { journeyRoutes } from './journey/routes.js';
import { MANAGE_AUTHORITY_PATH, manageAuthorityRoutes } from './manage-authority/routes.js';
import { assetRoutes } from './pages/assets.js';
import { oauthRoutes } from './oauth/routes.js';
import { providerKeys } from './oauth/keys.js';
import { createProvider, INTERACTION_PATH } from './oauth/provider.js';
import { TokenLookup } from './oauth/token-lookup.js';
import type { StateScope } from './store/state.js';

/** One emulator over one tenant's state: the default tenant's at the root, or a tenant's under `/t/{id}`. */
export interface BuiltEmulator {
  /** Answers requests whose URL is already without the tenant's prefix. */
  listener: RequestListener;
  context: EmulatorContext;
  /** The accounts seeded at start-up (and after each reset), with their passwords. */
  personas: () => SeededPersona[];
  /** Back to the seeded state: clock, accounts, applications, tokens, journal, faults. */
  reset: () => Promise<void>;
  /** Whether it carried on with state an earlier run left (see `Emulator.restored`). */
  restored: false | { seedChanged: boolean };
  /** Takes the clock from the meta again, where another process sharing the state may have moved it. */
  resyncClock: () => void;
}

export interface BuildOptions {
  /** Inject a clock (tests); by default one is made from `config.clock` and the meta's saved state. */
  clock?: Clock | undefined;
  control: ControlAccess;
  tenant: string | undefined;
  /** e.g. `/t/ci-1234`; empty for the default tenant. */
  pathPrefix: string;
  /** Routes only the root serves (tenant management), in the control API behind its guard. */
  rootRoutes?: ControlRoute[] | undefined;
}

/**
 * Which surface each part of the express app is, and so which error family its errors are answered in
 * (error-handler.ts): HMRC's GOV.UK pages (the link-software journey's under `/oauth/interaction` among them), OAuth
 * (oidc-provider's endpoints under `/oauth`) and the control API. Everything else, answered by nobody, is the gateway's. The front door marks its own two.
 */
const SURFACES: ReadonlyArray<readonly [prefix: string, surface: Surface]> = [
  ['/oauth', 'oauth'],
  // After '/oauth': the link journey's pages are pages, though under OAuth's prefix.
  [INTERACTION_PATH, 'pages'],
  ['/_emulator', 'control'],
  [SIGN_UP_PATH, 'pages'],
  [VAT_SIGN_UP_PATH, 'pages'],
  [CLIENT_LINK_PREFIX, 'pages'],
  [COPY_ACROSS_PATH, 'pages'],
  [SUBSCRIPTION_PATH, 'pages'],
  [MANAGE_AUTHORITY_PATH, 'pages'],
];

/** Where the seeded personas (with their passwords) are kept, in the store: a reset clears and re-seeds them. */
const SEEDED = { ns: 'emulator:seeded', key: 'personas' } as const;

interface Seeded {
  personas: SeededPersona[];
  /** What they were seeded from: `seedFingerprint(config)`. */
  from: string;
}

/**
 * Builds one emulator over `scope`: seeds it when the scope was never completely seeded, carries on otherwise.
 * `config.baseUrl` is the URL software reaches it at (a tenant's includes its prefix).
 */
export async function buildEmulator(config: EmulatorConfig, scope: StateScope, options: BuildOptions): Promise<BuiltEmulator> {
  const baseUrl = baseUrlOf(config);
  const { meta } = scope;
  const clock =
    options.clock ??
    createClock({
      start: config.clock.start ? Date.parse(config.clock.start) : undefined,
      frozen: config.clock.frozen,
      saved: meta.get<ClockState>('clock'),
      onChange: (s) => meta.set('clock', s),
    });
  const store = scope.store(clock);
  const provider = createProvider(config, baseUrl, store, clock, providerKeys(meta), journeyPolicy(config, store, clock));

  const context: EmulatorContext = {
    config,
    baseUrl,
    tenant: options.tenant,
    pathPrefix: options.pathPrefix,
    clock,
    store,
    applications: new Applications(store),
    accounts: new Accounts(store),
    relationships: new Relationships(store),
    signUps: new SignUps(() => context),
    vatSignUps: new VatSignUps(() => context),
    fraudFeedback: new FraudHeaderFeedback(store, clock),
    vat: new VatRecords(store, clock),
    agents: new Agents(store, clock),
    faults: new Faults(store),
    journal: new Journal(store, clock, config.journalSize),
    messages: new Messages(store, clock),
    tokens: new TokenLookup(provider),
    provider,
    incomeTax: new IncomeTax(store, clock),
    control: options.control,
  };

  const fingerprint = seedFingerprint(config);
  const seed = async (): Promise<SeededPersona[]> => {
    for (const app of config.applications) await context.applications.register(app);
    const personas = await seedAccounts(context);
    await seedPersonaAgentClients(context);
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
  // Marked before anything can fail (a body that does not parse), so every error is answered in its surface's family.
  for (const [prefix, name] of SURFACES) pages.use(prefix, surface(name));
  pages.use(async (_req, _res, next) => {
    await settleDue(context);
    next();
  });
  pages.use(parsers.form, parsers.json);
  pages.use(oauthRoutes(context));
  pages.use(signUpRoutes(context));
  pages.use(vatSignUpRoutes(context));
  pages.use('/_emulator', controlRoutes(context, { reset, personas: () => personas, rootRoutes: options.rootRoutes }));
  pages.use(journeyRoutes(context));
  pages.use(agentPageRoutes(context));
  pages.use(manageAuthorityRoutes(context));
  pages.use(notFound);
  pages.use(errorHandler);

  return {
    listener: frontDoor(context, gateway(context, apis), parsers, pages),
    context,
    personas: () => personas,
    reset,
    restored: earlier ? { seedChanged: earlier.from !== fingerprint } : false,
    resyncClock: () => {
      const saved = meta.get<ClockState>('clock');
      if (saved && !options.clock) clock.restore(saved);
    },
  };
}

/** The URL software reaches an emulator at, without a trailing slash. */
export function baseUrlOf(config: EmulatorConfig): string {
  return (config.baseUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');
}

/** What the seeded state depends on in the config. */
function seedFingerprint(config: EmulatorConfig): string {
  return createHash('sha256').update(JSON.stringify([config.seed, config.fixturesFile ?? null, config.applications])).digest('base64url');
}
