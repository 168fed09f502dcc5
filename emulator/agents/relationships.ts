import type { Store } from '../store/store.js';

/**
 * Agent–client relationships: an agent (by ARN) may act for a client for one service.
 * `MTD-IT` relationships are `main` or `supporting`; `MTD-VAT` ones are always `main`.
 */
export type RelationshipService = 'MTD-IT' | 'MTD-VAT';

export interface Relationship {
  arn: string;
  service: RelationshipService;
  /** NINO for MTD-IT, VRN for MTD-VAT. */
  clientId: string;
  agentType: 'main' | 'supporting';
  /** Virtual time, ISO-8601. */
  since: string;
}

const NS = 'relationships';
const key = (arn: string, service: RelationshipService, clientId: string): string => `${arn}|${service}|${clientId.replace(/\s/g, '').toUpperCase()}`;

export class Relationships {
  constructor(private readonly store: Store) {}

  async add(relationship: Relationship): Promise<void> {
    await this.store.set(NS, key(relationship.arn, relationship.service, relationship.clientId), relationship);
  }

  async find(arn: string, service: RelationshipService, clientId: string): Promise<Relationship | undefined> {
    return this.store.get<Relationship>(NS, key(arn, service, clientId));
  }

  async remove(arn: string, service: RelationshipService, clientId: string): Promise<boolean> {
    const existing = await this.find(arn, service, clientId);
    if (existing) await this.store.delete(NS, key(arn, service, clientId));
    return Boolean(existing);
  }

  async list(filter: { arn?: string; clientId?: string } = {}): Promise<Relationship[]> {
    return (await this.store.entries<Relationship>(NS))
      .map(([, r]) => r)
      .filter((r) => (!filter.arn || r.arn === filter.arn) && (!filter.clientId || r.clientId === filter.clientId));
  }
}
