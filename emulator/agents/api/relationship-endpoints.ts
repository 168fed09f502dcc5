import { endRelationship, findPartialAuth } from '../agent-actions.js';
import { findKnownFact, knownFactMatches } from '../known-facts.js';
import type { EmulatorContext } from '../../context.js';
import { platformErrors } from '../../errors/platform-error.js';
import type { ApiRequest, ApiResponse } from '../../gateway/api.js';
import { agentErrors, queuedOutcome } from './agent-errors.js';
import { readClientAccessData } from './client-access-data.js';
import { requireAgent } from './require-agent.js';

/**
 * Check a relationship (POST /agents/{arn}/relationships): the known fact is checked as for a new request
 * (403 CLIENT_REGISTRATION_NOT_FOUND, POSTCODE_DOES_NOT_MATCH, VAT_REG_DATE_DOES_NOT_MATCH); then 204 when the
 * agent may act for the client (for MTD-IT, as the `agentType` asked, main by default; a main agent's partial
 * authorisation counts), else 404 RELATIONSHIP_NOT_FOUND.
 * De-authorise (PUT /agents/{arn}/deauthorise-client, version 2.0 only): ends the relationship, 204; none →
 * 403 NO_RELATIONSHIP. Version 1.0 has no such resource → 404 MATCHING_RESOURCE_NOT_FOUND.
 */
export async function checkRelationship(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { arn } = await requireAgent(req, ctx);
  const data = readClientAccessData(req.body, { clientType: false, knownFact: true });
  await queuedOutcome(ctx, 'check-relationship', data.service);
  const record = await findKnownFact(ctx.accounts, data.service, data.clientId);
  if (!record) throw agentErrors.clientRegistrationNotFound();
  if (!knownFactMatches(data.service, data.knownFact!, record.knownFact)) {
    throw data.service === 'MTD-IT' ? agentErrors.postcodeDoesNotMatch() : agentErrors.vatRegDateDoesNotMatch();
  }
  const relationship = await ctx.relationships.find(arn, data.service, data.clientId);
  if (relationship && relationship.agentType === data.agentType) return { status: 204 };
  if (data.service === 'MTD-IT' && data.agentType === 'main' && (await findPartialAuth(ctx, arn, data.clientId))) return { status: 204 };
  throw agentErrors.relationshipNotFound();
}

export async function deauthoriseClient(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  if (req.version === '1.0') throw platformErrors.matchingResourceNotFound();
  const { arn } = await requireAgent(req, ctx);
  const data = readClientAccessData(req.body, { clientType: true, knownFact: false });
  const relationship = await ctx.relationships.find(arn, data.service, data.clientId);
  if (relationship && relationship.agentType === data.agentType) {
    await endRelationship(ctx, arn, data.service, data.clientId);
    return { status: 204 };
  }
  const partial = data.service === 'MTD-IT' && data.agentType === 'main' ? await findPartialAuth(ctx, arn, data.clientId) : undefined;
  if (!partial) throw agentErrors.noRelationship();
  await ctx.agents.invitations.setStatus(partial, 'Deauthorised');
  return { status: 204 };
}
