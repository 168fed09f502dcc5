import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { CONNECTION_METHODS } from '../rules/connection-methods.js';

/** A test user: by user ID and password, or by the name of a seeded persona. */
export type UserRef = { userId: string; password: string } | { persona: string };

/** How the kit asks the software to do something: open a URL (web apps) or run a command (desktop and CLI apps). */
export type Hook = { url: string; method?: 'GET' | 'POST' } | { command: string[] };

/**
 * The vendor contract: how the kit starts a link, makes the software call an API, reads what the user sees and
 * resets the software between checks. Loaded from YAML or JSON by {@link loadVendorConfig}; every string may use
 * `${port}` (a free port the kit picks for the run) and `${env:NAME}`.
 *
 * @example
 * name: My VAT software
 * connectionMethod: WEB_APP_VIA_SERVER
 * application: { redirectUris: ['http://localhost:${port}/callback'] }
 * launch: { command: [node, server.js], ready: 'http://localhost:${port}/health' }
 * link: { url: 'http://localhost:${port}/link' }
 * api: { url: 'http://localhost:${port}/call', method: POST }
 * status: { url: 'http://localhost:${port}/status' }
 * reset: { url: 'http://localhost:${port}/reset', method: POST }
 */
export interface VendorConfig {
  name: string;
  /** The fraud prevention connection method the software declares. */
  connectionMethod: (typeof CONNECTION_METHODS)[number];
  /** The user agent standing in for the user's browser on HMRC's pages (and the vendor's own pages). */
  userAgent: 'http' | 'browser';
  /**
   * `configurable` (the default): the software takes HMRC's base URL from HMRC_BASE_URL. `hard-coded`: it always
   * talks to `https://test-api.service.hmrc.gov.uk`; the kit then runs the emulator's proxy and starts the software
   * with HTTPS_PROXY and the local CA trusted (NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE, SSL_CERT_FILE, …).
   */
  hmrcHosts: 'configurable' | 'hard-coded';
  /**
   * The test user who signs in: the taxpayer the software acts for. `{persona: organisation}` picks one of the
   * emulator's seeded personas; the kit hands the software that user's identifiers (HMRC_VRN, HMRC_NINO, …).
   */
  user: UserRef;
  /** Signs in for `client-not-authorised`: someone the taxpayer has not authorised (default: the `agent` persona). */
  wrongUser: UserRef;
  /** The developer application. Without clientId/clientSecret the kit registers one and hands it to the software. */
  application: {
    clientId?: string | undefined;
    clientSecret?: string | undefined;
    redirectUris: string[];
    /** API contexts the application is subscribed to. */
    subscriptions: string[];
  };
  /** Started by the kit as its own process, with HMRC_* variables in its environment. */
  launch?: { command: string[]; env: Record<string, string>; ready?: string | undefined; readyTimeoutMs: number } | undefined;
  /** Starts a link: a URL the user opens, or a command that prints the authorisation URL (and reads an out-of-band code on stdin). */
  link: Hook;
  /**
   * Out-of-band apps whose link command prints the URL and ends: the command that takes the code the user pastes,
   * with `{code}` where the code goes, e.g. `[mytool, enter-code, '{code}']`. Without it the code goes to the link
   * command's stdin.
   */
  enterCode?: { command: string[] } | undefined;
  /**
   * The user's action: the software calls an HMRC API with the user's stored token and answers what it told the user,
   * JSON `{"outcome": "ok" | "error" | "must-link-again" | "not-linked", "message": "…"}`. `{user}` in a hook's URL or
   * command is replaced by whose action it is (`user` or `agent`; docs/conformance.md, "More than one user").
   */
  api: Hook;
  /** What the user sees now: JSON `{"state": "linked" | "not-linked" | "must-link-again" | "error", "message"?: "…"}`. */
  status?: Hook | undefined;
  /** Forgets every user's tokens and pending links, so each check starts from "not-linked". */
  reset?: Hook | undefined;
  /** Working directory for commands; defaults to the config file's folder. */
  cwd: string;
  /** A file of expected failures (YAML/JSON list of `{id, reason}`), relative to the config file. */
  expectedFailures?: string | undefined;
}

export class VendorConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid vendor config:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'VendorConfigError';
  }
}

const hook = {
  oneOf: [
    {
      type: 'object',
      required: ['url'],
      additionalProperties: false,
      properties: { url: { type: 'string', pattern: '^https?://' }, method: { enum: ['GET', 'POST'] } },
    },
    {
      type: 'object',
      required: ['command'],
      additionalProperties: false,
      properties: { command: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
    },
  ],
};

const userRef = {
  oneOf: [
    {
      type: 'object',
      required: ['userId', 'password'],
      additionalProperties: false,
      properties: { userId: { type: 'string', minLength: 1 }, password: { type: 'string', minLength: 1 } },
    },
    { type: 'object', required: ['persona'], additionalProperties: false, properties: { persona: { type: 'string', minLength: 1 } } },
  ],
};

/** The contract's JSON schema (also published in docs/conformance.md). */
export const VENDOR_CONFIG_SCHEMA = {
  type: 'object',
  required: ['name', 'application', 'link', 'api'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    connectionMethod: { enum: [...CONNECTION_METHODS] },
    userAgent: { enum: ['http', 'browser'] },
    hmrcHosts: { enum: ['configurable', 'hard-coded'] },
    user: userRef,
    wrongUser: userRef,
    application: {
      type: 'object',
      required: ['redirectUris'],
      additionalProperties: false,
      properties: {
        clientId: { type: 'string', pattern: '^[A-Za-z0-9_]{1,64}$' },
        clientSecret: { type: 'string', minLength: 1 },
        redirectUris: { type: 'array', minItems: 1, maxItems: 5, items: { type: 'string', minLength: 1 } },
        subscriptions: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
    },
    launch: {
      type: 'object',
      required: ['command'],
      additionalProperties: false,
      properties: {
        command: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        env: { type: 'object', additionalProperties: { type: 'string' } },
        ready: { type: 'string', pattern: '^https?://' },
        readyTimeoutMs: { type: 'integer', minimum: 100, maximum: 120000 },
      },
    },
    link: hook,
    enterCode: {
      type: 'object',
      required: ['command'],
      additionalProperties: false,
      properties: { command: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
    },
    api: hook,
    status: hook,
    reset: hook,
    cwd: { type: 'string' },
    expectedFailures: { type: 'string' },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(VENDOR_CONFIG_SCHEMA);

/**
 * Reads, substitutes and validates a vendor config. Errors name the exact path, e.g.
 * `link: must have either "url" (an http(s) URL) or "command" (an array of strings)`.
 */
export function loadVendorConfig(path: string, vars: { port: number; env?: NodeJS.ProcessEnv }): VendorConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new VendorConfigError([`${path}: ${(e as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new VendorConfigError([`${path}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message}`]);
  }
  return parseVendorConfig(raw, { ...vars, baseDir: dirname(resolve(path)) });
}

/** Validates an already-parsed config object (see {@link loadVendorConfig}). */
export function parseVendorConfig(raw: unknown, vars: { port: number; env?: NodeJS.ProcessEnv; baseDir: string }): VendorConfig {
  const problems: string[] = [];
  const substituted = substitute(raw, vars, problems);
  if (problems.length) throw new VendorConfigError(problems);
  if (!validate(substituted)) throw new VendorConfigError(describe(validate.errors ?? []));
  const c = substituted as Partial<VendorConfig> & Pick<VendorConfig, 'name' | 'application' | 'link' | 'api'>;
  if (Boolean(c.application.clientId) !== Boolean(c.application.clientSecret)) {
    throw new VendorConfigError(['application: give both clientId and clientSecret, or neither (the kit then registers an application)']);
  }
  if (!c.reset && !c.launch) throw new VendorConfigError(['reset: needed when the kit does not launch the software (each check starts from "not linked")']);
  const cwd = resolve(vars.baseDir, c.cwd ?? '.');
  return {
    name: c.name,
    connectionMethod: c.connectionMethod ?? 'WEB_APP_VIA_SERVER',
    userAgent: c.userAgent ?? 'http',
    hmrcHosts: c.hmrcHosts ?? 'configurable',
    user: c.user ?? { userId: 'user1', password: 'password1' },
    wrongUser: c.wrongUser ?? { persona: 'agent' },
    application: { ...c.application, subscriptions: c.application.subscriptions ?? ['hello'] },
    launch: c.launch ? { command: c.launch.command, env: c.launch.env ?? {}, ready: c.launch.ready, readyTimeoutMs: c.launch.readyTimeoutMs ?? 10_000 } : undefined,
    link: c.link,
    enterCode: c.enterCode,
    api: c.api,
    status: c.status,
    reset: c.reset,
    cwd,
    expectedFailures: c.expectedFailures ? resolve(vars.baseDir, c.expectedFailures) : undefined,
  };
}

function substitute(value: unknown, vars: { port: number; env?: NodeJS.ProcessEnv }, problems: string[], path = ''): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{(port|env:([A-Za-z_][A-Za-z0-9_]*))\}/g, (_m, name: string, envName?: string) => {
      if (name === 'port') return String(vars.port);
      const v = (vars.env ?? {})[envName!];
      if (v === undefined) problems.push(`${path || '(root)'}: environment variable ${envName} is not set`);
      return v ?? '';
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substitute(v, vars, problems, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars, problems, path ? `${path}.${k}` : k)]));
  }
  return value;
}

const HOOKS = new Set(['link', 'api', 'status', 'reset']);
const USERS = new Set(['user', 'wrongUser']);

function describe(errors: ErrorObject[]): string[] {
  const out = new Set<string>();
  for (const e of errors) {
    const path = e.instancePath.replace(/^\//, '').replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.') || '(root)';
    const top = path.split(/[.[]/)[0]!;
    if (USERS.has(top)) out.add(`${top}: must be either {userId, password} or {persona: <a seeded persona, e.g. organisation>}`);
    else if (HOOKS.has(top)) out.add(`${top}: must be either {url: <http(s) URL>, method?: GET|POST} or {command: [program, args…]}`);
    else if (e.keyword === 'additionalProperties') out.add(`${path}: unknown option "${String(e.params.additionalProperty)}"`);
    else if (e.keyword === 'required') out.add(`${path === '(root)' ? '' : `${path}.`}${String(e.params.missingProperty)}: is required`);
    else if (e.keyword === 'enum') out.add(`${path}: must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`);
    else if (e.keyword === 'pattern' && e.schema === '^https?://') out.add(`${path}: must be an http(s) URL`);
    else out.add(`${path}: ${e.message ?? 'is invalid'}`);
  }
  return [...out];
}
