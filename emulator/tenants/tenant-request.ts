import type { EmulatorConfig, JourneyVariant } from '../config/defaults.js';
import type { ConfigOverrides } from '../config/load-config.js';
import { TENANT_ID } from '../store/state.js';

/** What `POST /_emulator/tenants` may say, every part optional. */
export interface TenantRequest {
  id?: string | undefined;
  /** Seeds the tenant's accounts; the server's seed when absent, so the README's accounts work in every tenant. */
  seed?: string | undefined;
  journey?: JourneyVariant | undefined;
  /** The part of the configuration a tenant may choose for itself (`TENANT_CONFIG_KEYS`). */
  config?: ConfigOverrides | undefined;
}

/**
 * What a tenant may configure: how its HMRC behaves. Not where or how the server listens, stores or guards (port,
 * host, baseUrl, dataDir, https, proxy, control, fixturesFile: a file on the server), which stay the server's.
 */
export const TENANT_CONFIG_KEYS = ['applications', 'tokens', 'throttle', 'journalSize', 'clock', 'journeyLimits', 'signUps', 'fraudHeaders', 'data', 'maxBodyBytes'] as const satisfies ReadonlyArray<keyof EmulatorConfig>;
const OBJECT_KEYS = new Set<string>(['tokens', 'throttle', 'clock', 'journeyLimits', 'signUps']);

/** Reads a tenant request, or says in one line what is wrong with it. */
export function parseTenantRequest(body: unknown): TenantRequest | string {
  if (body === undefined || body === null || (typeof body === 'string' && body === '')) return {};
  if (!isPlainObject(body)) return 'the body must be a JSON object: {"id"?, "seed"?, "journey"?, "config"?}';
  const unknown = Object.keys(body).filter((k) => !['id', 'seed', 'journey', 'config'].includes(k));
  if (unknown.length) return `unknown field ${JSON.stringify(unknown[0])}: a tenant takes {"id"?, "seed"?, "journey"?, "config"?}`;
  const { id, seed, journey, config } = body;
  if (id !== undefined && (typeof id !== 'string' || !TENANT_ID.test(id))) return 'id: 1 to 64 letters, digits, "-" or "_", beginning with a letter or digit';
  if (seed !== undefined && (typeof seed !== 'string' || seed.length < 1 || seed.length > 200)) return 'seed: a string of 1 to 200 characters';
  if (journey !== undefined && journey !== 'sandbox' && journey !== 'production') return 'journey: "sandbox" or "production"';
  if (config !== undefined) {
    if (!isPlainObject(config)) return 'config: must be an object';
    for (const [key, value] of Object.entries(config)) {
      if (!(TENANT_CONFIG_KEYS as readonly string[]).includes(key)) return `config.${key}: a tenant cannot set it (it may set ${TENANT_CONFIG_KEYS.join(', ')})`;
      if (OBJECT_KEYS.has(key) && !isPlainObject(value)) return `config.${key}: must be an object`;
      if (key === 'applications' && !Array.isArray(value)) return 'config.applications: must be a list of applications';
    }
  }
  return { id, seed, journey, config: config as ConfigOverrides | undefined };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
