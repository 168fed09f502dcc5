import { createClock } from '../clock/clock.js';
import type { EmulatorState } from '../store/state.js';
import type { Store } from '../store/store.js';
import type { TenantRequest } from './tenant-request.js';

/** A tenant as the registry keeps it: what it was created with, and when it was last used (real time). */
export interface TenantRecord extends TenantRequest {
  id: string;
  /** Real time, ms since the epoch. */
  createdAt: number;
  /** Real time, ms since the epoch: idle tenants expire from it (`tenants.idleExpiry`). */
  lastUsedAt: number;
}

/** The registry's own scope: not a valid tenant id, so no tenant can be it, and the default tenant's reset leaves it. */
const REGISTRY_SCOPE = '_tenants';
const NS = 'tenants';
const IDS = 'tenant-ids';

/**
 * Which tenants exist, kept in the shared state beside them, so every emulator process on one store (Redis) serves
 * the same tenants. Its times are real: a tenant's idle expiry is about CI runs that forgot it, not virtual time.
 */
export class TenantRegistry {
  private constructor(private readonly store: Store) {}

  static async open(state: EmulatorState): Promise<TenantRegistry> {
    return new TenantRegistry((await state.tenant(REGISTRY_SCOPE)).store(createClock()));
  }

  /** Adds a tenant; false when one with its id exists (an atomic claim: two processes cannot both create it). */
  async add(record: TenantRecord): Promise<boolean> {
    if (!(await this.store.claim(IDS, record.id))) return false;
    await this.store.set(NS, record.id, record);
    return true;
  }

  async get(id: string): Promise<TenantRecord | undefined> {
    return this.store.get<TenantRecord>(NS, id);
  }

  async list(): Promise<TenantRecord[]> {
    return (await this.store.entries<TenantRecord>(NS)).map(([, r]) => r);
  }

  async touch(record: TenantRecord, at: number): Promise<void> {
    await this.store.replace(NS, record.id, { ...record, lastUsedAt: at });
  }

  async remove(id: string): Promise<void> {
    await this.store.delete(NS, id);
    await this.store.delete(IDS, id);
  }
}
