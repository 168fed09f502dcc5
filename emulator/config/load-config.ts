import { readFileSync } from 'node:fs';
import { parseYaml } from './yaml.js';
import { validateRedirectUri } from './redirect-uri.js';
import { LATEST_TIME, parseDuration } from '../clock/clock.js';
import { DEFAULTS, type EmulatorConfig } from './defaults.js';

/** A partial config at any depth, as a config file, the environment or flags give it. */
export type ConfigOverrides = { [K in keyof EmulatorConfig]?: EmulatorConfig[K] extends object ? EmulatorConfig[K] extends unknown[] ? EmulatorConfig[K] : Partial<EmulatorConfig[K]> : EmulatorConfig[K] };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid emulator configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads a JSON or YAML config file. */
export function readConfigFile(path: string): ConfigOverrides {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError([`config file ${path}: ${(e as Error).message}`]);
  }
  try {
    const parsed: unknown = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('must be an object');
    return parsed as ConfigOverrides;
  } catch (e) {
    throw new ConfigError([`config file ${path}: ${(e as Error).message}`]);
  }
}

/** Options taken from `HMRC_SANDBOX_*` environment variables. */
export function configFromEnv(env: NodeJS.ProcessEnv): ConfigOverrides {
  const out: ConfigOverrides = {};
  if (env.HMRC_SANDBOX_PORT) out.port = Number(env.HMRC_SANDBOX_PORT);
  if (env.HMRC_SANDBOX_HOST) out.host = env.HMRC_SANDBOX_HOST;
  if (env.HMRC_SANDBOX_BASE_URL) out.baseUrl = env.HMRC_SANDBOX_BASE_URL;
  if (env.HMRC_SANDBOX_DATA_DIR) out.dataDir = env.HMRC_SANDBOX_DATA_DIR;
  if (env.HMRC_SANDBOX_HTTPS_PORT) out.https = { port: Number(env.HMRC_SANDBOX_HTTPS_PORT) };
  if (env.HMRC_SANDBOX_PROXY_PORT) out.proxy = { port: Number(env.HMRC_SANDBOX_PROXY_PORT) };
  if (env.HMRC_SANDBOX_SEED) out.seed = env.HMRC_SANDBOX_SEED;
  if (env.HMRC_SANDBOX_JOURNEY) out.journey = env.HMRC_SANDBOX_JOURNEY as EmulatorConfig['journey'];
  if (env.HMRC_SANDBOX_FIXTURES) out.fixturesFile = env.HMRC_SANDBOX_FIXTURES;
  if (env.HMRC_SANDBOX_LOG) out.log = logFormat(env.HMRC_SANDBOX_LOG) as EmulatorConfig['log'];
  if (env.HMRC_SANDBOX_DATA) out.data = env.HMRC_SANDBOX_DATA as EmulatorConfig['data'];
  if (env.HMRC_SANDBOX_STORE) out.store = { url: env.HMRC_SANDBOX_STORE };
  if (env.HMRC_SANDBOX_TENANT_IDLE_EXPIRY) out.tenants = { idleExpiry: env.HMRC_SANDBOX_TENANT_IDLE_EXPIRY };
  if (env.HMRC_SANDBOX_FRAUD_HEADERS) out.fraudHeaders = env.HMRC_SANDBOX_FRAUD_HEADERS as EmulatorConfig['fraudHeaders'];
  if (env.HMRC_SANDBOX_CONTROL_TOKEN || env.HMRC_SANDBOX_ALLOWED_HOSTS) {
    out.control = {
      ...(env.HMRC_SANDBOX_CONTROL_TOKEN ? { token: env.HMRC_SANDBOX_CONTROL_TOKEN } : {}),
      ...(env.HMRC_SANDBOX_ALLOWED_HOSTS ? { allowedHosts: env.HMRC_SANDBOX_ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter(Boolean) } : {}),
    };
  }
  return out;
}

/** `log` as written before it named a format: `true`, `1` or `""` (a bare `--log`) mean `json`; `false`, `0` mean `off`. */
function logFormat(value: unknown): unknown {
  if (value === true || value === 'true' || value === '1' || value === '') return 'json';
  if (value === false || value === 'false' || value === '0') return 'off';
  return value;
}

/**
 * Layers overrides over the defaults, left to right, and validates the result once. `data` left unset follows the
 * journey: `realistic` for `journey: production`, else `sandbox`.
 */
export function resolveConfig(...layers: Array<ConfigOverrides | undefined>): EmulatorConfig {
  let config: EmulatorConfig = structuredClone(DEFAULTS);
  for (const layer of layers) {
    if (!layer) continue;
    const merged: Record<string, unknown> = { ...config };
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      const base = merged[key];
      merged[key] =
        base && typeof base === 'object' && !Array.isArray(base) && value && typeof value === 'object' && !Array.isArray(value)
          ? { ...base, ...value }
          : value;
    }
    config = merged as unknown as EmulatorConfig;
  }
  if (!layers.some((layer) => layer?.data !== undefined) && config.journey === 'production') config = { ...config, data: 'realistic' };
  config = { ...config, log: logFormat(config.log) as EmulatorConfig['log'] };
  const problems = validateConfig(config);
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function validateConfig(c: EmulatorConfig): string[] {
  const problems: string[] = [];
  const known = new Set(Object.keys(DEFAULTS));
  for (const key of Object.keys(c)) if (!known.has(key)) problems.push(`${key}: unknown option`);
  const positiveInt = (path: string, v: unknown, min = 1): void => {
    if (!Number.isInteger(v) || (v as number) < min) problems.push(`${path}: must be a whole number ≥ ${min} (got ${JSON.stringify(v)})`);
  };
  positiveInt('port', c.port, 0);
  if (c.port > 65535) problems.push('port: must be at most 65535');
  if (typeof c.host !== 'string' || !c.host) problems.push('host: must be a host name or address');
  if (c.baseUrl !== undefined && !/^https?:\/\/[^/]+$/.test(String(c.baseUrl).replace(/\/$/, '')))
    problems.push(`baseUrl: must be an http(s) origin such as http://localhost:9090 (got ${JSON.stringify(c.baseUrl)})`);
  if (c.dataDir !== undefined && (typeof c.dataDir !== 'string' || !c.dataDir)) problems.push(`dataDir: must be a directory path (got ${JSON.stringify(c.dataDir)})`);
  if (typeof c.seed !== 'string' || !c.seed) problems.push('seed: must be a non-empty string');
  if (c.journey !== 'sandbox' && c.journey !== 'production') problems.push(`journey: must be "sandbox" or "production" (got ${JSON.stringify(c.journey)})`);
  if (c.fraudHeaders !== 'lenient' && c.fraudHeaders !== 'strict') problems.push(`fraudHeaders: must be "lenient" or "strict" (got ${JSON.stringify(c.fraudHeaders)})`);
  if (c.log !== 'off' && c.log !== 'json' && c.log !== 'pretty') problems.push(`log: must be "json", "pretty" or "off" (got ${JSON.stringify(c.log)})`);
  if (c.data !== 'sandbox' && c.data !== 'realistic') problems.push(`data: must be "sandbox" or "realistic" (got ${JSON.stringify(c.data)})`);
  positiveInt('tokens.accessTokenSeconds', c.tokens.accessTokenSeconds);
  positiveInt('tokens.authorizationCodeSeconds', c.tokens.authorizationCodeSeconds);
  positiveInt('tokens.grantDays', c.tokens.grantDays);
  for (const [name, port] of [['https.port', c.https?.port], ['proxy.port', c.proxy?.port]] as const) {
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) problems.push(`${name}: must be a port number from 0 to 65535 (got ${JSON.stringify(port)})`);
  }
  if (c.control?.token !== undefined && (typeof c.control.token !== 'string' || !/^[\x21-\x7e]{16,512}$/.test(c.control.token))) {
    problems.push('control.token: must be 16 to 512 printable characters without spaces (HMRC_SANDBOX_CONTROL_TOKEN)');
  }
  if (!Array.isArray(c.control?.allowedHosts) || !c.control.allowedHosts.every((h) => typeof h === 'string' && h.length > 0)) {
    problems.push('control.allowedHosts: must be a list of host names');
  }
  if (c.tokens.refreshTokenReuse !== 'reject' && c.tokens.refreshTokenReuse !== 'revoke-grant') {
    problems.push(`tokens.refreshTokenReuse: must be "reject" or "revoke-grant" (got ${JSON.stringify(c.tokens.refreshTokenReuse)})`);
  }
  positiveInt('throttle.requestsPerSecond', c.throttle.requestsPerSecond);
  positiveInt('throttle.windowSeconds', c.throttle.windowSeconds);
  positiveInt('maxBodyBytes', c.maxBodyBytes);
  positiveInt('journalSize', c.journalSize);
  for (const key of Object.keys(DEFAULTS.journeyLimits) as Array<keyof EmulatorConfig['journeyLimits']>) positiveInt(`journeyLimits.${key}`, c.journeyLimits?.[key]);
  if (c.clock.start !== undefined && !(Date.parse(c.clock.start) < LATEST_TIME)) problems.push(`clock.start: must be an ISO-8601 instant before 9000-01-01 (got ${JSON.stringify(c.clock.start)})`);
  const approvalDelay = typeof c.signUps?.approvalDelay === 'string' ? parseDuration(c.signUps.approvalDelay) : undefined;
  if (approvalDelay === undefined || approvalDelay > 3 * 24 * 3600 * 1000) problems.push(`signUps.approvalDelay: must be an ISO-8601 duration from PT0S to P3D (got ${JSON.stringify(c.signUps?.approvalDelay)})`);
  if (c.store?.url !== undefined && (typeof c.store.url !== 'string' || !/^rediss?:\/\/[^\s]+$/.test(c.store.url))) {
    problems.push('store.url: must be a Redis URL such as redis://localhost:6379/0 (HMRC_SANDBOX_STORE, --store)');
  }
  const idle = typeof c.tenants?.idleExpiry === 'string' ? parseDuration(c.tenants.idleExpiry) : undefined;
  if (idle === undefined || idle < 60_000) problems.push(`tenants.idleExpiry: must be an ISO-8601 duration of at least PT1M (got ${JSON.stringify(c.tenants?.idleExpiry)})`);
  if (!Array.isArray(c.applications) || c.applications.length === 0) {
    problems.push('applications: at least one application is required');
    return problems;
  }
  const ids = new Set<string>();
  c.applications.forEach((app, i) => {
    const at = `applications[${i}]`;
    if (!app || typeof app !== 'object') return problems.push(`${at}: must be an object`);
    if (typeof app.clientId !== 'string' || !/^[A-Za-z0-9_]{1,64}$/.test(app.clientId)) problems.push(`${at}.clientId: must be letters, digits or _`);
    else if (ids.has(app.clientId)) problems.push(`${at}.clientId: duplicate client ID ${app.clientId}`);
    else ids.add(app.clientId);
    if (typeof app.name !== 'string' || !app.name) problems.push(`${at}.name: required`);
    if (!Array.isArray(app.clientSecrets) || app.clientSecrets.length < 1 || app.clientSecrets.length > 5 || !app.clientSecrets.every((s) => typeof s === 'string' && s.length >= 8))
      problems.push(`${at}.clientSecrets: between 1 and 5 secrets of at least 8 characters`);
    if (!Array.isArray(app.redirectUris) || app.redirectUris.length > 5) problems.push(`${at}.redirectUris: at most 5 redirect URIs`);
    else app.redirectUris.forEach((uri, j) => {
      const why = validateRedirectUri(uri);
      if (why) problems.push(`${at}.redirectUris[${j}]: ${why}`);
    });
    if (!Array.isArray(app.subscriptions) || !app.subscriptions.every((s) => typeof s === 'string')) problems.push(`${at}.subscriptions: a list of API contexts`);
    if (app.rateLimitPerSecond !== undefined) positiveInt(`${at}.rateLimitPerSecond`, app.rateLimitPerSecond);
    return undefined;
  });
  return problems;
}
