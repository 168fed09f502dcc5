import type { Store } from '../store/store.js';

/**
 * An agent's existing Self Assessment clients, as HMRC knew them before Making Tax Digital (the agent's
 * old Government Gateway agent codes). "Copy across" (HMRC's agent-mapping journey) brings them into the
 * agent services account; the emulator then gives the agent a main-agent MTD-IT relationship for each
 * client that has a NINO. Kept per ARN.
 */
export interface SaClient {
  /** 10-digit Self Assessment UTR. */
  saUtr?: string | undefined;
  /** The client's NINO: needed for an MTD-IT relationship. */
  nino?: string | undefined;
  name: string;
  /** Set when copied across (virtual time, ISO-8601). */
  copiedAt?: string | undefined;
}

const NS = 'agent-sa-clients';

export class SaClients {
  constructor(private readonly store: Store) {}

  async list(arn: string): Promise<SaClient[]> {
    return (await this.store.get<SaClient[]>(NS, arn)) ?? [];
  }

  /** Adds clients, replacing any with the same UTR or NINO. */
  async add(arn: string, clients: SaClient[]): Promise<SaClient[]> {
    const same = (a: SaClient, b: SaClient): boolean => Boolean((a.saUtr && a.saUtr === b.saUtr) || (a.nino && a.nino === b.nino));
    const next = [...(await this.list(arn)).filter((c) => !clients.some((n) => same(c, n))), ...clients];
    await this.store.set(NS, arn, next);
    return next;
  }

  async save(arn: string, clients: SaClient[]): Promise<void> {
    await this.store.set(NS, arn, clients);
  }
}
