import type { Clock } from '../clock/clock.js';
import type { Store } from '../store/store.js';
import { generateInvitationId, INVITATION_PREFIX } from './invitation-id.js';
import type { RelationshipService } from './relationships.js';

/**
 * Authorisation requests ("invitations") an agent sends a client (Agent Authorisation API; HMRC's
 * agent-client-relationships). A request is Pending until the client accepts or rejects it, the agent
 * cancels it, or it expires: "The request will expire after 21 days" — it shows `expiresOn` (a date,
 * 21 days after the day it was made) and is Expired from the start of that day, in virtual time.
 * An accepted request becomes Deauthorised when the relationship it made ends. A main-agent Income Tax request
 * accepted by a client not yet signed up to Making Tax Digital is Partialauth: the agent may sign the client up
 * (and check the relationship), but holds no relationship the Income Tax APIs accept.
 */
export type InvitationStatus = 'Pending' | 'Accepted' | 'Rejected' | 'Cancelled' | 'Deauthorised' | 'Expired' | 'Partialauth';

export interface Invitation {
  invitationId: string;
  arn: string;
  service: RelationshipService;
  clientType: 'personal' | 'business';
  /** NINO (MTD-IT) or VRN (MTD-VAT), upper case without spaces. */
  clientId: string;
  /** MTD-IT only: `main` or `supporting`. */
  agentType?: 'main' | 'supporting' | undefined;
  /** Stored status; read `status()` for the status as of now (Pending becomes Expired). */
  status: Exclude<InvitationStatus, 'Expired'>;
  /** Virtual time, ms since the epoch. */
  created: number;
  /** The day it expires, `yyyy-mm-dd` (UTC). */
  expiresOn: string;
  /** When the status last changed; undefined while Pending. */
  updated?: number | undefined;
}

export const INVITATION_EXPIRY_DAYS = 21;
const DAY = 86_400_000;
const NS = 'invitations';

export class Invitations {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async create(details: Pick<Invitation, 'arn' | 'service' | 'clientType' | 'clientId' | 'agentType'>): Promise<Invitation> {
    const created = this.clock.now();
    const startOfDay = Math.floor(created / DAY) * DAY;
    const invitation: Invitation = {
      ...details,
      clientId: normaliseClientId(details.clientId),
      invitationId: generateInvitationId(INVITATION_PREFIX[details.service]),
      status: 'Pending',
      created,
      expiresOn: new Date(startOfDay + INVITATION_EXPIRY_DAYS * DAY).toISOString().slice(0, 10),
    };
    await this.store.set(NS, invitation.invitationId, invitation);
    return invitation;
  }

  async find(invitationId: string): Promise<Invitation | undefined> {
    return this.store.get<Invitation>(NS, invitationId);
  }

  async list(filter: { arn?: string; clientId?: string; service?: RelationshipService } = {}): Promise<Invitation[]> {
    const clientId = filter.clientId === undefined ? undefined : normaliseClientId(filter.clientId);
    return (await this.store.entries<Invitation>(NS))
      .map(([, i]) => i)
      .filter((i) => (!filter.arn || i.arn === filter.arn) && (!clientId || i.clientId === clientId) && (!filter.service || i.service === filter.service));
  }

  /** The status as of now: a Pending request past its expiry day is Expired. */
  status(invitation: Invitation): InvitationStatus {
    return invitation.status === 'Pending' && this.clock.now() >= this.expiresAt(invitation) ? 'Expired' : invitation.status;
  }

  /** When the status last changed: for an expired request, the moment it expired. */
  updated(invitation: Invitation): number | undefined {
    return this.status(invitation) === 'Expired' ? this.expiresAt(invitation) : invitation.updated;
  }

  expiresAt(invitation: Invitation): number {
    return Date.parse(`${invitation.expiresOn}T00:00:00Z`);
  }

  async setStatus(invitation: Invitation, status: Invitation['status']): Promise<Invitation> {
    const next = { ...invitation, status, updated: this.clock.now() };
    await this.store.set(NS, invitation.invitationId, next);
    return next;
  }
}

export function normaliseClientId(clientId: string): string {
  return clientId.replace(/\s/g, '').toUpperCase();
}
