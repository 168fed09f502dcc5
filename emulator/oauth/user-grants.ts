import type { Applications } from '../applications/applications.js';
import type { Store } from '../store/store.js';
import { revokeGrant } from './adapter.js';
import { findScope, splitScopes } from './scopes.js';

/** The authority a user granted one application: every live grant of that user to that client, taken together. */
export interface UserGrant {
  clientId: string;
  /** The application's registered name (the client ID when the application is gone). */
  applicationName: string;
  /** When the user first granted it (ms, virtual time): HMRC shows the earliest grant's date. */
  grantedAt: number;
  /** What the software may do, each scope with the words HMRC shows the user. */
  scopes: Array<{ key: string; name: string }>;
  /** The oidc-provider grants behind it (one per time the user linked the software). */
  grantIds: string[];
}

/** An oidc-provider Grant as the adapter stores it (the parts read here). */
interface StoredGrant {
  accountId?: string;
  clientId?: string;
  iat?: number;
  openid?: { scope?: string };
}

/**
 * The authority users gave software, as HMRC's "Manage your authorised software"
 * (`/applications-manage-authority`) lists and removes it. Removing it is real revocation: the grants and every
 * code, access token and refresh token issued under them are forgotten, so a refresh answers `invalid_grant` and the
 * gateway answers `INVALID_CREDENTIALS`, as after a user removes authority at HMRC.
 */
export class UserGrants {
  constructor(
    private readonly store: Store,
    private readonly applications: Applications,
  ) {}

  /** The user's authorised applications, earliest granted first. */
  async list(userId: string): Promise<UserGrant[]> {
    const byClient = new Map<string, UserGrant>();
    for (const [grantId, grant] of await this.store.entries<StoredGrant>('oidc:Grant')) {
      if (grant.accountId !== userId || typeof grant.clientId !== 'string') continue;
      const grantedAt = (await this.store.get<number>('oidc-index:grant-granted', grantId)) ?? (grant.iat ?? 0) * 1000;
      const entry = byClient.get(grant.clientId) ?? { clientId: grant.clientId, applicationName: '', grantedAt, scopes: [], grantIds: [] };
      entry.grantedAt = Math.min(entry.grantedAt, grantedAt);
      entry.grantIds.push(grantId);
      for (const key of splitScopes(grant.openid?.scope ?? '')) {
        if (!entry.scopes.some((s) => s.key === key)) entry.scopes.push({ key, name: findScope(key)?.name ?? key });
      }
      byClient.set(grant.clientId, entry);
    }
    const grants = [...byClient.values()];
    for (const g of grants) g.applicationName = (await this.applications.find(g.clientId))?.name ?? g.clientId;
    return grants.sort((a, b) => a.grantedAt - b.grantedAt || a.clientId.localeCompare(b.clientId));
  }

  /** The user's authority for one application, or undefined when there is none. */
  async find(userId: string, clientId: string): Promise<UserGrant | undefined> {
    return (await this.list(userId)).find((g) => g.clientId === clientId);
  }

  /** Removes the user's authority for one application: false when there was none to remove. */
  async revoke(userId: string, clientId: string): Promise<boolean> {
    const grant = await this.find(userId, clientId);
    if (!grant) return false;
    for (const grantId of grant.grantIds) await revokeGrant(this.store, grantId);
    return true;
  }
}
