import { randomBytes } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { SeededPersona } from '../accounts/seed.js';
import { buildEmulator, type BuiltEmulator } from '../build-emulator.js';
import { createClock, parseDuration } from '../clock/clock.js';
import type { ApplicationConfig, EmulatorConfig } from '../config/defaults.js';
import { ConfigError, resolveConfig, type ConfigOverrides } from '../config/load-config.js';
import type { ControlAccess } from '../control/guard.js';
import { isStoreDown, STORE_DOWN_BODY } from '../errors/store-down.js';
import { TENANT_ID, type EmulatorState } from '../store/state.js';
import { servePrefixed } from './path-prefix.js';
import { TenantRegistry, type TenantRecord } from './registry.js';
import { parseTenantRequest } from './tenant-request.js';

/** What creating or reading a tenant answers: where it is, and its credentials. */
export interface TenantDetails {
  id: string;
  baseUrl: string;
  createdAt: string;
  lastUsedAt: string;
  seed: string;
  journey: string;
  applications: ApplicationConfig[];
  accounts: SeededPersona[];
}

export class TenantError extends Error {
  constructor(readonly status: 400 | 404 | 409, message: string) {
    super(message);
    this.name = 'TenantError';
  }
}

export interface TenantHostOptions {
  state: EmulatorState;
  control: ControlAccess;
  /** The server's own configuration layers; a tenant's are laid over them. */
  overrides: ConfigOverrides;
  rootBaseUrl: () => string;
  /** `tenants.idleExpiry`: an ISO-8601 duration of real time. */
  idleExpiry: string;
  /** Real time (tests inject it). */
  now?: () => number;
}

/** At most this many tenants at once: each costs its state, and a runaway CI loop should hear about it. */
export const MAX_TENANTS = 1000;
/** A tenant's built emulator unused this long (real time) is let go, its state kept; the next request rebuilds it. */
const EVICT_AFTER_MS = 10 * 60_000;
/** How often idle tenants are looked for, and at most how often a tenant's last use is written. */
const SWEEP_EVERY_MS = 60_000;

const TENANT_PATH = /^\/t\/([^/?#]*)(.*)$/s;

/**
 * The tenants one server serves under `/t/{id}`: each its own emulator (seed, accounts, applications, tokens,
 * clock, faults, journal, mailbox, throttle windows, Income Tax and VAT data) over its own scope of the state,
 * built when first used and let go when idle. The registry is in the state, so every process on a shared store
 * serves every tenant. docs/tenants.md.
 */
export class TenantHost {
  private readonly built = new Map<string, { createdAt: number; emulator: Promise<BuiltEmulator>; usedAt: number }>();
  private readonly registry: Promise<TenantRegistry>;
  private readonly idleMs: number;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: TenantHostOptions) {
    this.registry = TenantRegistry.open(options.state);
    this.registry.catch(() => undefined);
    this.idleMs = parseDuration(options.idleExpiry) ?? 24 * 3600_000;
    // Real time, not a tenant's virtual clock: idle expiry is about CI runs that forgot their tenant.
    const real = createClock();
    this.now = options.now ?? (() => real.now());
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_EVERY_MS).unref();
  }

  /** The server's listener: `/t/{id}/…` to that tenant, everything else to `root`. */
  front(root: RequestListener): RequestListener {
    return (req, res) => {
      const m = TENANT_PATH.exec(req.url ?? '/');
      if (!m) return root(req, res);
      const [, id = '', rest = ''] = m;
      this.serve(id, rest, req, res).catch((err: unknown) => unavailable(res, err));
    };
  }

  async create(body: unknown): Promise<TenantDetails> {
    const request = parseTenantRequest(body);
    if (typeof request === 'string') throw new TenantError(400, request);
    const id = request.id ?? `t-${randomBytes(6).toString('hex')}`;
    const record: TenantRecord = { ...request, id, createdAt: this.now(), lastUsedAt: this.now() };
    this.configFor(record); // refused before anything is stored
    const registry = await this.registry;
    if ((await registry.list()).length >= MAX_TENANTS) throw new TenantError(409, `this server already has ${MAX_TENANTS} tenants: delete some (DELETE /_emulator/tenants/{id})`);
    if (!(await registry.add(record))) throw new TenantError(409, `tenant "${id}" already exists: choose another id, or delete it first`);
    try {
      return this.details(record, await this.instance(record));
    } catch (e) {
      await this.remove(id);
      throw e;
    }
  }

  async list(): Promise<Array<Omit<TenantDetails, 'applications' | 'accounts'>>> {
    await this.sweep();
    return (await (await this.registry).list()).map((r) => this.summary(r));
  }

  async get(id: string): Promise<TenantDetails | undefined> {
    const record = await (await this.registry).get(id);
    return record && this.details(record, await this.instance(record));
  }

  /** Deletes a tenant and everything it owns; false when there is none. */
  async remove(id: string): Promise<boolean> {
    const registry = await this.registry;
    const existed = (await registry.get(id)) !== undefined;
    await registry.remove(id);
    this.built.delete(id);
    await this.options.state.dropTenant(id);
    return existed;
  }

  /** Deletes tenants idle past `tenants.idleExpiry`, and lets go of built emulators unused for a while. */
  async sweep(): Promise<void> {
    const now = this.now();
    for (const [id, b] of this.built) if (now - b.usedAt > EVICT_AFTER_MS) this.built.delete(id);
    for (const record of await (await this.registry).list()) {
      if (now - record.lastUsedAt > this.idleMs) await this.remove(record.id);
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.built.clear();
  }

  private async serve(id: string, rest: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const registry = await this.registry;
    const record = TENANT_ID.test(id) ? await registry.get(id) : undefined;
    if (!record) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 'MATCHING_RESOURCE_NOT_FOUND', message: `No tenant "${id.slice(0, 64)}" on this emulator: create one with POST /_emulator/tenants` }));
      return;
    }
    const emulator = await this.instance(record);
    const now = this.now();
    if (now - record.lastUsedAt > SWEEP_EVERY_MS) await registry.touch(record, now);
    if (this.options.state.refresh) emulator.resyncClock();
    servePrefixed(emulator.listener, `/t/${id}`, rest.startsWith('/') ? rest : `/${rest}`, req, res);
  }

  /** The tenant's emulator, built once per process (and again after it was let go, or the tenant made anew). */
  private instance(record: TenantRecord): Promise<BuiltEmulator> {
    const cached = this.built.get(record.id);
    if (cached && cached.createdAt === record.createdAt) {
      cached.usedAt = this.now();
      return cached.emulator;
    }
    const emulator = (async () =>
      buildEmulator(this.configFor(record), await this.options.state.tenant(record.id), {
        control: this.options.control,
        tenant: record.id,
        pathPrefix: `/t/${record.id}`,
      }))();
    this.built.set(record.id, { createdAt: record.createdAt, emulator, usedAt: this.now() });
    emulator.catch(() => this.built.delete(record.id));
    return emulator;
  }

  private configFor(record: TenantRecord): EmulatorConfig {
    try {
      const config = resolveConfig(this.options.overrides, record.config, {
        ...(record.seed === undefined ? {} : { seed: record.seed }),
        ...(record.journey === undefined ? {} : { journey: record.journey }),
      });
      // Not a layer: the configured base URL is an origin, a tenant's has its path.
      return { ...config, baseUrl: `${this.options.rootBaseUrl()}/t/${record.id}` };
    } catch (e) {
      if (e instanceof ConfigError) throw new TenantError(400, `config: ${e.problems.join('; ')}`);
      throw e;
    }
  }

  private summary(record: TenantRecord): Omit<TenantDetails, 'applications' | 'accounts'> {
    const config = this.configFor(record);
    return {
      id: record.id,
      baseUrl: `${this.options.rootBaseUrl()}/t/${record.id}`,
      createdAt: new Date(record.createdAt).toISOString(),
      lastUsedAt: new Date(record.lastUsedAt).toISOString(),
      seed: config.seed,
      journey: config.journey,
    };
  }

  private details(record: TenantRecord, emulator: BuiltEmulator): TenantDetails {
    return { ...this.summary(record), applications: emulator.context.config.applications, accounts: emulator.personas() };
  }
}

function unavailable(res: ServerResponse, err: unknown): void {
  if (res.headersSent) return void res.destroy();
  if (isStoreDown(err)) return void res.writeHead(503, { 'Content-Type': 'application/json' }).end(STORE_DOWN_BODY);
  console.error(JSON.stringify({ level: 'error', path: 'tenant', error: err instanceof Error ? err.stack : String(err) }));
  res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' }));
}
