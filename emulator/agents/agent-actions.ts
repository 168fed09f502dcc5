import type { Account } from '../accounts/account.js';
import type { EmulatorContext } from '../context.js';
import { normaliseClientId, type Invitation, type InvitationStatus } from './invitations.js';
import { findKnownFact } from './known-facts.js';
import type { Relationship, RelationshipService } from './relationships.js';
import type { SaClient } from './sa-clients.js';

/**
 * The steps that change relationships, shared by the Agent Authorisation API, its test-support API,
 * the client's pages and the control API:
 * - accepting a request makes the relationship; a client has one main agent per service, so accepting a
 *   main-agent request (any VAT request) ends another agency's main relationship for that client
 *   (HMRC's agent-client-relationships does the same; supporting agents for Income Tax are additional);
 * - a main-agent Income Tax request accepted by a client not signed up to MTD is Partialauth (no relationship);
 * - ending a relationship marks the request that made it Deauthorised;
 * - copying across makes a main MTD-IT relationship for each existing Self Assessment client with a NINO.
 */
export class InvitationStateError extends Error {
  constructor(readonly status: InvitationStatus) {
    super(`the authorisation request is ${status}, not Pending`);
    this.name = 'InvitationStateError';
  }
}

/** The agent reference number of an agent services account (enrolment HMRC-AS-AGENT), if any. */
export function arnOf(account: Account): string | undefined {
  const enrolment = account.enrolments.find((e) => e.key === 'HMRC-AS-AGENT');
  return enrolment?.identifiers.find((i) => i.key === 'AgentReferenceNumber')?.value ?? account.identifiers.agentServicesAccountNumber;
}

export async function acceptInvitation(ctx: EmulatorContext, invitation: Invitation): Promise<Invitation> {
  const status = ctx.agents.invitations.status(invitation);
  if (status !== 'Pending') throw new InvitationStateError(status);
  if (invitation.service === 'MTD-IT' && (invitation.agentType ?? 'main') === 'main' && !(await signedUpToMtdIt(ctx, invitation.clientId))) {
    return ctx.agents.invitations.setStatus(invitation, 'Partialauth');
  }
  await createRelationship(ctx, {
    arn: invitation.arn,
    service: invitation.service,
    clientId: invitation.clientId,
    agentType: invitation.service === 'MTD-IT' ? (invitation.agentType ?? 'main') : 'main',
  });
  return ctx.agents.invitations.setStatus(invitation, 'Accepted');
}

export async function respondToInvitation(ctx: EmulatorContext, invitation: Invitation, status: 'Rejected' | 'Cancelled'): Promise<Invitation> {
  const current = ctx.agents.invitations.status(invitation);
  if (current !== 'Pending') throw new InvitationStateError(current);
  return ctx.agents.invitations.setStatus(invitation, status);
}

/** Makes (or replaces) a relationship, ending any other agency's main relationship for the client and service. */
export async function createRelationship(ctx: EmulatorContext, r: Omit<Relationship, 'since'>): Promise<Relationship> {
  const clientId = normaliseClientId(r.clientId);
  if (r.agentType === 'main') {
    for (const other of await ctx.relationships.list({ clientId })) {
      if (other.service === r.service && other.agentType === 'main' && other.arn !== r.arn) await endRelationship(ctx, other.arn, other.service, clientId);
    }
  }
  const relationship: Relationship = { ...r, clientId, since: new Date(ctx.clock.now()).toISOString() };
  await ctx.relationships.add(relationship);
  return relationship;
}

/** Ends a relationship; false if there was none. The accepted request that made it becomes Deauthorised. */
export async function endRelationship(ctx: EmulatorContext, arn: string, service: RelationshipService, clientId: string): Promise<boolean> {
  const removed = await ctx.relationships.remove(arn, service, normaliseClientId(clientId));
  if (!removed) return false;
  for (const invitation of await ctx.agents.invitations.list({ arn, service, clientId })) {
    if (invitation.status === 'Accepted' || invitation.status === 'Partialauth') await ctx.agents.invitations.setStatus(invitation, 'Deauthorised');
  }
  return true;
}

/** Whether the client with this NINO is signed up to Making Tax Digital for Income Tax (enrolment HMRC-MTD-IT). */
async function signedUpToMtdIt(ctx: EmulatorContext, nino: string): Promise<boolean> {
  const record = await findKnownFact(ctx.accounts, 'MTD-IT', nino);
  return Boolean(record?.account.enrolments.some((e) => e.key === 'HMRC-MTD-IT'));
}

/** The agent's partial authorisation for a client not yet signed up to MTD Income Tax, if any. */
export async function findPartialAuth(ctx: EmulatorContext, arn: string, nino: string): Promise<Invitation | undefined> {
  return (await ctx.agents.invitations.list({ arn, service: 'MTD-IT', clientId: nino })).find((i) => i.status === 'Partialauth');
}

/**
 * Copies the agent's existing Self Assessment clients across: a main MTD-IT relationship for each client
 * with a NINO that has not been copied yet. Returns the relationships made (none on a second call).
 */
export async function copyAcross(ctx: EmulatorContext, arn: string): Promise<Relationship[]> {
  const clients = await ctx.agents.saClients.list(arn);
  const made: Relationship[] = [];
  const now = new Date(ctx.clock.now()).toISOString();
  const next: SaClient[] = [];
  for (const client of clients) {
    if (client.nino && !client.copiedAt) {
      made.push(await createRelationship(ctx, { arn, service: 'MTD-IT', clientId: client.nino, agentType: 'main' }));
      next.push({ ...client, copiedAt: now });
    } else next.push(client);
  }
  await ctx.agents.saClients.save(arn, next);
  return made;
}

/**
 * Gives an agent persona existing Self Assessment clients to copy across, for seeding.
 *
 * @example
 * // in build-emulator.ts, right after seedAccounts, once the personas exist:
 * await seedAgentClients(ctx, agent, [individual, selfEmployed]);
 */
export async function seedAgentClients(ctx: EmulatorContext, agent: Account, clients: Account[]): Promise<void> {
  const arn = arnOf(agent);
  if (!arn) throw new Error(`account ${agent.userId} has no agent services account (ARN)`);
  await ctx.agents.saClients.add(
    arn,
    clients.map((c) => ({ saUtr: c.identifiers.saUtr, nino: c.identifiers.nino, name: c.organisationDetails?.name ?? c.userFullName })),
  );
}
