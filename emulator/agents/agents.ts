import type { Clock } from '../clock/clock.js';
import type { Store } from '../store/store.js';
import { AgentOutcomes } from './agent-outcomes.js';
import { AgentServicesAccounts } from './agent-services-accounts.js';
import { Invitations } from './invitations.js';
import { SaClients } from './sa-clients.js';

/**
 * The agents service hung on the context (`ctx.agents`): authorisation requests, each agent's existing
 * Self Assessment clients, the agent services accounts created and errors queued on demand. Relationships themselves are `ctx.relationships`;
 * the steps that touch several of these (accept, copy across, end a relationship) are in `agent-actions.ts`.
 */
export class Agents {
  readonly invitations: Invitations;
  readonly saClients: SaClients;
  /** Agent services accounts made by "Create an agent services account". */
  readonly servicesAccounts: AgentServicesAccounts;
  /** Errors queued on demand (VAT_CLIENT_INSOLVENT, ALREADY_BEING_PROCESSED). */
  readonly outcomes: AgentOutcomes;

  constructor(store: Store, clock: Clock) {
    this.invitations = new Invitations(store, clock);
    this.saClients = new SaClients(store);
    this.servicesAccounts = new AgentServicesAccounts(store);
    this.outcomes = new AgentOutcomes(store);
  }
}
