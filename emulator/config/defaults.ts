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
  /** This application's rate limit, averaged over `throttle.windowSeconds`; defaults to `throttle.requestsPerSecond`. */
  rateLimitPerSecond?: number | undefined;
}

export type JourneyVariant = 'sandbox' | 'production';

/** How requests are logged on stdout: not at all, one JSON line each (pino), or one short line each for people. */
export type LogFormat = 'off' | 'json' | 'pretty';

/** What the emulated APIs answer when a request sends no `Gov-Test-Scenario` (see `EmulatorConfig.data`). */
export type DataProfile = 'sandbox' | 'realistic';

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
   * and `createEmulator()`; `hmrc-sandbox serve` uses `./hmrc-sandbox-data` unless given `--ephemeral`. The local certificate
   * authority for `https` and `proxy` lives there too, in `ca/` (without a data directory, one is made per process).
   * @example dataDir: '/data'
   */
  dataDir?: string | undefined;
  /**
   * A TLS listener on HMRC's own host names (docs/https.md), with a certificate from the local CA in `dataDir`.
   * Port 443 needs the right to bind it (root, or Docker).
   * @example https: { port: 8443 }
   */
  https: { port?: number | undefined };
  /**
   * An HTTP proxy that serves HMRC's hosts (`CONNECT` on port 443, TLS ended with the local CA's certificate) and
   * refuses every other host, forwarding nothing: `HTTPS_PROXY=http://localhost:<port>` (docs/https.md).
   * @example proxy: { port: 8888 }
   */
  proxy: { port?: number | undefined };
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
    /**
     * What a refresh token sent again after it was exchanged does. HMRC documents only that it is single use:
     * `reject` (the default) answers 400 `invalid_grant` and leaves the grant and its newest tokens working, so a
     * vendor that retries a timed-out refresh keeps its link; `revoke-grant` also revokes the whole grant, as
     * OAuth 2.0 Security BCP's refresh-token reuse detection would. See docs/decisions/0005-refresh-token-reuse.md.
     * @example tokens: { refreshTokenReuse: 'revoke-grant' }
     */
    refreshTokenReuse: 'reject' | 'revoke-grant';
  };
  /**
   * HMRC's rate limit, per application. Counted over a window of the virtual clock, as HMRC's gateway counted per
   * minute: an application may make `requestsPerSecond × windowSeconds` requests in each window, so bursts pass and
   * a sustained rate above the limit gets 429 MESSAGE_THROTTLED_OUT. `windowSeconds: 1` is a strict per-second limit.
   * @example throttle: { requestsPerSecond: 3, windowSeconds: 60 }
   */
  throttle: {
    /** HMRC's standard limit: 3 requests per second per application. */
    requestsPerSecond: number;
    /** How long each counting window lasts (HMRC's gateway: a minute). */
    windowSeconds: number;
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
  /**
   * One line per request on stdout (time on the virtual clock, tenant, client ID, method, path, status, duration,
   * correlation ID; never a query string, header or body): `json` through pino, `pretty` for people, `off`.
   * `true` is taken as `json`. E.g. `--log json`, `HMRC_SANDBOX_LOG=pretty`.
   */
  log: LogFormat;
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
  /**
   * Who may use the control API (`/_emulator/*`), which shows every secret and can reset everything. See
   * docs/control-api-security.md.
   * @example control: { token: 'a-long-random-string', allowedHosts: ['hmrc-sandbox'] }
   */
  control: {
    /**
     * The bearer token every control call but `GET /_emulator/health` must carry (`Authorization: Bearer …`, or
     * as a Basic password from a browser). Unset: none is needed on loopback; bound to any other interface, one is
     * generated at start and printed once.
     */
    token?: string | undefined;
    /**
     * More host names the control API answers to without a token. Against DNS rebinding it refuses any other
     * `Host`; IP addresses, `localhost`, the base URL's host, HMRC's hosts and this machine's name always pass.
     */
    allowedHosts: string[];
  };
  /**
   * What every emulated API answers when a request sends no `Gov-Test-Scenario` header.
   * `sandbox`: what HMRC's online sandbox answers, the scenario its specifications call "Default (No header value)"
   * (e.g. VAT obligations: four 2017 quarters, the first fulfilled; a return for any period key is accepted), so
   * software written against the sandbox works unchanged. `realistic`: the emulator's clock-derived, stateful data
   * (obligations up to the virtual clock's current quarter, submissions fulfilling them, businesses from sign-up).
   * `Gov-Test-Scenario: STATEFUL` selects the realistic answer for one request whatever this says. Unset, it is
   * `sandbox`, or `realistic` with `journey: production`. See docs/decisions/0006-sandbox-default-data.md.
   * @example data: 'realistic'
   */
  data: DataProfile;
  store: {
    /**
     * A Redis to keep the state in, shared by every emulator given the same URL (several replicas serving one team):
     * `redis://[:password@]host:port/db`, or `rediss://` for TLS. Unset: SQLite in `dataDir`, or memory. See
     * docs/decisions/0009-redis-store.md.
     * @example store: { url: 'redis://redis:6379/0' }
     */
    url?: string | undefined;
  };
  tenants: {
    /**
     * How long a tenant (`POST /_emulator/tenants`, docs/tenants.md) may go unused before it is deleted with
     * everything it owns: an ISO-8601 duration of REAL time (a CI run that never deleted its tenant), from `PT1M`.
     * @example tenants: { idleExpiry: 'PT2H' }
     */
    idleExpiry: string;
  };
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
    'individuals/business/property',
    'individuals/self-assessment-test-support',
    'individuals/person',
    'individuals/self-assessment/income-summary',
    'individuals/losses',
    'individuals/self-assessment/adjustable-summary',
    'accounts/self-assessment',
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
  https: { port: undefined },
  proxy: { port: undefined },
  seed: 'hmrc-local-sandbox',
  journey: 'sandbox',
  fixturesFile: undefined,
  applications: [DEFAULT_APPLICATION],
  tokens: { accessTokenSeconds: 4 * 3600, authorizationCodeSeconds: 600, grantDays: 547, refreshTokenReuse: 'reject' },
  throttle: { requestsPerSecond: 3, windowSeconds: 60 },
  maxBodyBytes: 1024 * 1024,
  journalSize: 1000,
  clock: { start: undefined, frozen: false },
  log: 'off',
  journeyLimits: { signInAttempts: 5, signInLockoutSeconds: 900, accessCodeAttempts: 5, accessCodeLockoutSeconds: 900, accessCodeSeconds: 900, sessionTimeoutSeconds: 900 },
  signUps: { approvalDelay: 'P1D' },
  fraudHeaders: 'lenient',
  control: { token: undefined, allowedHosts: [] },
  data: 'sandbox',
  store: { url: undefined },
  tenants: { idleExpiry: 'PT24H' },
};
