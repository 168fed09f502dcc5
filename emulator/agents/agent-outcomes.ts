import type { Store } from '../store/store.js';

/**
 * Agent Authorisation errors that the emulator cannot reach from its data, produced on demand: a test queues one
 * (`POST /_emulator/agents/outcomes {"id", "times"?}`) and the next matching calls answer with it, after the body and
 * the agent have been checked and before the client's known fact is. HMRC's sandbox has no such switch.
 */
export interface AgentOutcome {
  id: 'VAT_CLIENT_INSOLVENT' | 'ALREADY_BEING_PROCESSED';
  /** The endpoints it applies to; `service` limits it to requests for that service. */
  appliesTo: Array<'create-invitation' | 'check-relationship'>;
  service?: 'MTD-VAT';
  description: string;
}

export const AGENT_OUTCOMES: readonly AgentOutcome[] = [
  {
    id: 'VAT_CLIENT_INSOLVENT',
    appliesTo: ['create-invitation', 'check-relationship'],
    service: 'MTD-VAT',
    description: 'A VAT request or relationship check answers 403 VAT_CLIENT_INSOLVENT, as for an insolvent client.',
  },
  {
    id: 'ALREADY_BEING_PROCESSED',
    appliesTo: ['create-invitation'],
    description: 'Creating a request answers 403 ALREADY_BEING_PROCESSED, as when the same request arrives twice at once.',
  },
];

interface Queued {
  id: AgentOutcome['id'];
  remaining: number;
}

const NS = 'agent-outcomes';
const KEY = 'queue';

export class AgentOutcomes {
  constructor(private readonly store: Store) {}

  async queue(id: AgentOutcome['id'], times: number): Promise<void> {
    const queued = (await this.queued()).filter((q) => q.id !== id);
    await this.store.set(NS, KEY, [...queued, { id, remaining: times }]);
  }

  async queued(): Promise<Queued[]> {
    return (await this.store.get<Queued[]>(NS, KEY)) ?? [];
  }

  async clear(): Promise<void> {
    await this.store.delete(NS, KEY);
  }

  /** The first queued outcome for this call, used up once; undefined when none applies. */
  async take(endpoint: AgentOutcome['appliesTo'][number], service: string): Promise<AgentOutcome['id'] | undefined> {
    const queued = await this.queued();
    const index = queued.findIndex((q) => {
      const outcome = AGENT_OUTCOMES.find((o) => o.id === q.id);
      return outcome && outcome.appliesTo.includes(endpoint) && (!outcome.service || outcome.service === service);
    });
    if (index < 0) return undefined;
    const hit = queued[index]!;
    const next = hit.remaining > 1 ? queued.map((q, i) => (i === index ? { ...q, remaining: q.remaining - 1 } : q)) : queued.filter((_, i) => i !== index);
    await this.store.set(NS, KEY, next);
    return hit.id;
  }
}
