import type { Clock } from '../clock/clock.js';
import type { Store } from '../store/store.js';
import { Invitations } from './invitations.js';
import { SaClients } from './sa-clients.js';

/**
 * The agents service hung on the context (`ctx.agents`): authorisation requests and each agent's
 * existing Self Assessment clients. Relationships themselves are `ctx.relationships`; the steps that
 * touch several of these (accept, copy across, end a relationship) are in `agent-actions.ts`.
 */
export class Agents {
  readonly invitations: Invitations;
  readonly saClients: SaClients;

  constructor(store: Store, clock: Clock) {
    this.invitations = new Invitations(store, clock);
    this.saClients = new SaClients(store);
  }
}
