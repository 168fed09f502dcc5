/**
 * Every emulator option, with its default. This is the one place defaults live: the loader layers
 * defaults ← config file ← environment ← CLI flags over it, and validates the result once.
 */
export interface ApplicationConfig {
  /** 28 characters, `[A-Za-z0-9_]`, as HMRC issues them. */
  clientId: string;
  /** Up to 5 client secrets, any of which authenticates the application. */
  clientSecrets: string[];
  name: string;
  /** At most 5, validated by HMRC's rules (absolute, no fragment, `http` only for localhost, or out-of-band). */
  redirectUris: string[];
  /** API contexts the application is subscribed to, e.g. `hello`, `organisations/vat`. */
  subscriptions: string[];
  /** Requests per second before 429 MESSAGE_THROTTLED_OUT; defaults to `throttle.requestsPerSecond`. */
  rateLimitPerSecond?: number | undefined;
}

export type JourneyVariant = 'sandbox' | 'production';

export interface EmulatorConfig {
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Interface to bind; `0.0.0.0` inside containers. */
  host: string;
  /** The base URL software uses to reach the emulator; defaults to `http://localhost:<port>`. */
  baseUrl?: string | undefined;
  /**
   * Directory of the durable state (an SQLite database, `hmrc-sandbox.db`): applications, accounts, grants, tokens,
   * the clock and everything else set up survive a restart. Unset: everything is kept in memory, as by `start()`
   * and `createEmulator()`; `hmrc-sandbox serve` uses `./hmrc-sandbox-data` unless given `--ephemeral`.
   * @example dataDir: '/data'
   */
  dataDir?: string | undefined;
  /** Seed for generated personas: the same seed gives the same accounts. */
  seed: string;
  /** Which link-software journey to show: the online sandbox's or production's. */
  journey: JourneyVariant;
  /** A JSON or YAML file of named personas to add to the generated ones. */
  fixturesFile?: string | undefined;
  /** Developer applications registered at start-up. The first is the default application. */
  applications: ApplicationConfig[];
  tokens: {
    /** Access token lifetime (HMRC: 4 hours). */
    accessTokenSeconds: number;
    /** Authorization code lifetime (HMRC: 10 minutes, single use). */
    authorizationCodeSeconds: number;
    /** How long a grant lasts before the software can no longer refresh (HMRC: 18 months = 547 days). */
    grantDays: number;
  };
  throttle: {
    /** HMRC's standard limit: 3 requests per second per application. */
    requestsPerSecond: number;
  };
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** How many requests the journal keeps. */
  journalSize: number;
  clock: {
    /** Start virtual time at this ISO-8601 instant instead of now. */
    start?: string | undefined;
    /** Keep virtual time still until advanced. */
    frozen: boolean;
  };
  /** Print one JSON line per request. */
  log: boolean;
  /**
   * Limits and timers of the link-software journey (docs/journey.md), all on the virtual clock.
   * HMRC does not publish its numbers; these are the emulator's choices.
   * @example journeyLimits: { signInAttempts: 3, sessionTimeoutSeconds: 60 }
   */
  journeyLimits: {
    /** Wrong passwords in a row before the user ID is locked. */
    signInAttempts: number;
    /** How long a user ID stays locked after too many wrong passwords. */
    signInLockoutSeconds: number;
    /** Wrong 2-step access codes in a row before the user is locked out of 2-step verification. */
    accessCodeAttempts: number;
    /** How long a 2-step lock-out lasts. */
    accessCodeLockoutSeconds: number;
    /** How long a text or voice access code can be used. */
    accessCodeSeconds: number;
    /** Inactivity after which the journey signs the user out (GOV.UK's standard: 15 minutes). */
    sessionTimeoutSeconds: number;
  };
  signUps: {
    /**
     * How long a submitted Making Tax Digital for Income Tax sign-up stays pending before it is approved, on the
     * virtual clock: an ISO-8601 duration from `PT0S` (at once) to `P3D` (HMRC: "approval can take up to 3 days").
     * An outcome preset through the control API overrides it. See docs/sign-up.md.
     * @example signUps: { approvalDelay: 'PT0S' }
     */
    approvalDelay: string;
  };
  /**
   * What to do with Making Tax Digital calls whose fraud prevention headers are invalid. HMRC's APIs accept them
   * (`lenient`: the result is only reported, in `X-Emulator-Fraud-Headers` and the validation feedback); `strict`
   * refuses them with 400 INVALID_FRAUD_PREVENTION_HEADERS. See docs/fraud-prevention.md.
   * @example fraudHeaders: 'strict'
   */
  fraudHeaders: 'lenient' | 'strict';
}

/** The seeded default application: its credentials are documented in the README. */
export const DEFAULT_APPLICATION: ApplicationConfig = {
  clientId: 'LocalSandboxDefaultClientId0',
  clientSecrets: ['8c3f8a62-5b4e-4f1e-9d3a-2f6b7c1d0e9a'],
  name: 'Local Sandbox Test App',
  redirectUris: [
    'http://localhost:3000/callback',
    'http://localhost:8080/callback',
    'http://localhost:9000/',
    'urn:ietf:wg:oauth:2.0:oob',
    'urn:ietf:wg:oauth:2.0:oob:auto',
  ],
  subscriptions: [
    'hello',
    'create-test-user',
    'individuals/business/details',
    'obligations/details',
    'individuals/calculations',
    'individuals/business/self-employment',
    'individuals/self-assessment-test-support',
    'organisations/vat',
    'agents',
    'test/fraud-prevention-headers',
  ],
};

export const DEFAULTS: EmulatorConfig = {
  port: 9090,
  host: '127.0.0.1',
  baseUrl: undefined,
  dataDir: undefined,
  seed: 'hmrc-local-sandbox',
  journey: 'sandbox',
  fixturesFile: undefined,
  applications: [DEFAULT_APPLICATION],
  tokens: { accessTokenSeconds: 4 * 3600, authorizationCodeSeconds: 600, grantDays: 547 },
  throttle: { requestsPerSecond: 3 },
  maxBodyBytes: 1024 * 1024,
  journalSize: 1000,
  clock: { start: undefined, frozen: false },
  log: false,
  journeyLimits: { signInAttempts: 5, signInLockoutSeconds: 900, accessCodeAttempts: 5, accessCodeLockoutSeconds: 900, accessCodeSeconds: 900, sessionTimeoutSeconds: 900 },
  signUps: { approvalDelay: 'P1D' },
  fraudHeaders: 'lenient',
};
