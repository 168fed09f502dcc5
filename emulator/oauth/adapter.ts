import { errors, type Adapter, type AdapterPayload } from 'oidc-provider';
import type { Clock } from '../clock/clock.js';
import type { Store } from '../store/store.js';

/**
 * oidc-provider's storage, backed by the emulator's {@link Store} and expired by the emulator's clock.
 *
 * oidc-provider stamps `exp` in real time; the emulator's clock may be ahead of it. So each artefact's
 * expiry is recorded here in virtual time, and an artefact past its virtual expiry is not found:
 * codes, tokens and grants all expire when the control API moves the clock. A refresh token never
 * outlives its grant (18 months from the user's grant, not from the last rotation).
 *
 * The store keeps a copy of each payload, never oidc-provider's own object, and the expiry only as
 * the store's: a client_credentials token lives for 4 hours and a busy client asks for thousands, so
 * each one is kept as small as the store allows (one flat object).
 */
/**
 * The artefacts issued by the hundred thousand and kept for hours: the memory store holds them off the V8 heap
 * (store/record-log.ts), where they cost their own size and nothing in garbage collection.
 */
export const BULK_NAMESPACES = ['oidc:AccessToken', 'oidc:ClientCredentials'] as const;

const DAY_MS = 24 * 3600_000;

export function createAdapterClass(store: Store, clock: Clock): new (name: string) => Adapter {
  const ns = (model: string): string => `oidc:${model}`;
  const index = (kind: string): string => `oidc-index:${kind}`;

  return class StoreAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      let expiresAt = expiresIn ? clock.now() + expiresIn * 1000 : undefined;
      if (this.model === 'RefreshToken' && payload.grantId) {
        const grantExpiry = await store.get<number>(index('grant-expiry'), payload.grantId);
        if (grantExpiry !== undefined) expiresAt = Math.min(expiresAt ?? grantExpiry, grantExpiry);
      }
      if (this.model === 'Grant' && expiresAt !== undefined) {
        const existing = await store.get<number>(index('grant-expiry'), id);
        // When the user granted it, in virtual time (oidc-provider's `iat` is real time): Manage your authorised software shows it.
        if (existing === undefined) await store.set(index('grant-granted'), id, clock.now(), { expiresAt });
        expiresAt = existing ?? expiresAt;
        await store.set(index('grant-expiry'), id, expiresAt, { expiresAt });
      }
      await store.set<AdapterPayload>(ns(this.model), id, { ...payload }, { expiresAt });
      if (payload.grantId) {
        const members = (await store.get<string[]>(index('grant'), payload.grantId)) ?? [];
        members.push(`${this.model}:${id}`);
        await store.set(index('grant'), payload.grantId, members, { expiresAt: await store.get<number>(index('grant-expiry'), payload.grantId) });
      }
      if (payload.uid) await store.set(index('uid'), payload.uid, id, { expiresAt });
      if (payload.userCode) await store.set(index('user-code'), payload.userCode, id, { expiresAt });
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      const payload = await store.get<AdapterPayload>(ns(this.model), id);
      if (payload?.grantId && this.model !== 'Grant' && !(await store.get(ns('Grant'), payload.grantId))) {
        return undefined;
      }
      return payload;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = await store.get<string>(index('uid'), uid);
      return id ? this.find(id) : undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = await store.get<string>(index('user-code'), userCode);
      return id ? this.find(id) : undefined;
    }

    /**
     * Marks a code or refresh token used, once: the claim is atomic in the store, so of two exchanges racing with one
     * code (two emulator processes on one shared store) only the first gets tokens; the second is refused as if it
     * had come after (oidc-provider checks `consumed` before it calls this).
     */
    async consume(id: string): Promise<void> {
      const payload = await store.get<AdapterPayload>(ns(this.model), id);
      if (!payload) return;
      const grantExpiry = payload.grantId ? await store.get<number>(index('grant-expiry'), payload.grantId) : undefined;
      if (!(await store.claim(index('consumed'), `${this.model}:${id}`, grantExpiry ?? clock.now() + DAY_MS))) {
        throw new errors.InvalidGrant(this.model === 'RefreshToken' ? 'refresh token already used' : 'authorization code already consumed');
      }
      await store.replace(ns(this.model), id, { ...payload, consumed: Math.floor(clock.now() / 1000) });
    }

    async destroy(id: string): Promise<void> {
      await store.delete(ns(this.model), id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await revokeGrant(store, grantId);
    }
  };
}

/** Forgets a grant and every code and token issued under it. */
export async function revokeGrant(store: Store, grantId: string, keep?: string): Promise<void> {
  const members = (await store.get<string[]>('oidc-index:grant', grantId)) ?? [];
  for (const member of members) {
    const [model, id] = splitMember(member);
    if (id !== keep) await store.delete(`oidc:${model}`, id);
  }
  if (keep === undefined) {
    await store.delete('oidc:Grant', grantId);
    await store.delete('oidc-index:grant', grantId);
    await store.delete('oidc-index:grant-granted', grantId);
  }
}

/** Revokes the access tokens of a grant other than `keep`: a refresh invalidates the previous access token. */
export async function revokeOtherAccessTokens(store: Store, grantId: string, keep: string): Promise<void> {
  const members = (await store.get<string[]>('oidc-index:grant', grantId)) ?? [];
  const kept: string[] = [];
  for (const member of members) {
    const [model, id] = splitMember(member);
    if (model === 'AccessToken' && id !== keep) await store.delete(`oidc:${model}`, id);
    else if (await store.get(`oidc:${model}`, id)) kept.push(member);
  }
  await store.set('oidc-index:grant', grantId, kept, { expiresAt: await store.get<number>('oidc-index:grant-expiry', grantId) });
}

function splitMember(member: string): [string, string] {
  const at = member.indexOf(':');
  return [member.slice(0, at), member.slice(at + 1)];
}
