import { createHash } from 'node:crypto';
import type { Account } from '../accounts/account.js';
import type { Accounts } from '../accounts/accounts.js';
import { arnOf } from './agent-actions.js';
import type { RelationshipService } from './relationships.js';

/**
 * The link an agent gives a client to respond to its authorisation requests (the invitation's
 * `clientActionUrl`), shaped as HMRC's: `/agent-client-relationships/appoint-someone-to-deal-with-HMRC-for-you/
 * <agent uid>/<agent name>/<income-tax|vat>`. It names the agent, not one request: the client signs in and
 * sees that agent's pending request for their NINO or VRN. The uid is 8 characters derived from the ARN.
 */
export const CLIENT_LINK_PREFIX = '/agent-client-relationships/appoint-someone-to-deal-with-HMRC-for-you';

const SERVICE_PART: Record<RelationshipService, string> = { 'MTD-IT': 'income-tax', 'MTD-VAT': 'vat' };

export function agentUid(arn: string): string {
  const alphabet = 'ABCDEFGHJKLMNOPRSTUWXYZ123456789';
  return [...createHash('sha256').update(arn).digest().subarray(0, 8)].map((b) => alphabet[b % 32]).join('');
}

/** The agency's name as shown to clients: the organisation name, else the account holder's name. */
export function agencyName(agent: Account): string {
  return agent.organisationDetails?.name ?? agent.userFullName;
}

/** HMRC's "normalised" agent name in the link: lower case, runs of other characters as `-`. */
export function normalisedAgentName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'agent';
}

export function clientLinkPath(agent: Account, arn: string, service: RelationshipService): string {
  return `${CLIENT_LINK_PREFIX}/${agentUid(arn)}/${normalisedAgentName(agencyName(agent))}/${SERVICE_PART[service]}`;
}

export function serviceFromLinkPart(part: string): RelationshipService | undefined {
  return (Object.keys(SERVICE_PART) as RelationshipService[]).find((s) => SERVICE_PART[s] === part);
}

/** The agent account and ARN behind a link's uid, if any. */
export async function findAgentByUid(accounts: Accounts, uid: string): Promise<{ agent: Account; arn: string } | undefined> {
  for (const account of await accounts.list()) {
    const arn = account.affinityGroup === 'Agent' ? arnOf(account) : undefined;
    if (arn && agentUid(arn) === uid) return { agent: account, arn };
  }
  return undefined;
}

export async function findAgentByArn(accounts: Accounts, arn: string): Promise<Account | undefined> {
  return (await accounts.list()).find((a) => a.affinityGroup === 'Agent' && arnOf(a) === arn);
}
