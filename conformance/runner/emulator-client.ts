import type { JournalEntry } from '../../emulator/index.js';

export type { JournalEntry };

export interface EmulatorAccount {
  userId: string;
  password?: string | undefined;
  persona?: string | undefined;
  affinityGroup: string;
  identifiers: Record<string, string>;
}

/** The emulator's control API (`/_emulator/*`), as the kit uses it: over HTTP, so it works with any running emulator. */
export class EmulatorClient {
  /** The newest journal entry id seen so far: marks only fetch what is newer (entry ids only grow). */
  private newest = 0;

  /** `controlToken`: the emulator's control token, when it needs one (bound beyond loopback, or configured). */
  constructor(
    readonly baseUrl: string,
    readonly controlToken?: string | undefined,
  ) {}

  async health(): Promise<void> {
    await this.call('GET', '/health');
  }

  async journal(since?: number): Promise<JournalEntry[]> {
    const body = (await this.call('GET', `/journal${since === undefined ? '' : `?since=${since}`}`)) as { entries: JournalEntry[] };
    return body.entries;
  }

  /** The id of the newest journal entry: later entries are what a check caused. */
  async mark(): Promise<number> {
    const entries = await this.journal(this.newest);
    this.newest = entries.reduce((max, e) => Math.max(max, e.id), this.newest);
    return this.newest;
  }

  /** Moves virtual time forward, e.g. `PT4H`, `P548D`. */
  async advance(by: string): Promise<void> {
    await this.call('POST', '/clock/advance', { by });
  }

  async fault(fault: { id: string; times?: number | 'always'; clientId?: string; pathPrefix?: string }): Promise<void> {
    await this.call('POST', '/faults', fault);
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  async faultIds(): Promise<string[]> {
    const body = (await this.call('GET', '/faults')) as { catalogue: Array<{ id: string }> };
    return body.catalogue.map((f) => f.id);
  }

  /** Creates or ends an agent–client relationship (`service`: MTD-VAT or MTD-IT; `clientId`: the VRN or NINO). */
  async relationship(action: 'create' | 'delete', r: { arn: string; service: string; clientId: string }): Promise<void> {
    if (action === 'create') await this.call('POST', '/relationships', r);
    else await this.call('DELETE', `/relationships?${new URLSearchParams(r).toString()}`);
  }

  /**
   * Removes a user's authority for an application, as the user can at HMRC ("Manage your authorised software"): the
   * grants and every token issued under them are revoked, so refreshes answer invalid_grant and API calls 401.
   */
  async removeAuthority(userId: string, clientId: string): Promise<void> {
    await this.call('DELETE', `/accounts/${encodeURIComponent(userId)}/grants/${encodeURIComponent(clientId)}`);
  }

  /** The emulator's accounts, seeded personas with their passwords. */
  async accounts(): Promise<EmulatorAccount[]> {
    return ((await this.call('GET', '/accounts')) as { accounts: EmulatorAccount[] }).accounts;
  }

  async registerApplication(app: { clientId: string; clientSecrets: string[]; name: string; redirectUris: string[]; subscriptions: string[] }): Promise<void> {
    await this.call('POST', '/applications', app);
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}/_emulator${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.controlToken ? { authorization: `Bearer ${this.controlToken}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`emulator control API ${method} /_emulator${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
}
