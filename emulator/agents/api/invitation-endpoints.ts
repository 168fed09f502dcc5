import { findPartialAuth, InvitationStateError, respondToInvitation } from '../agent-actions.js';
import type { Invitation } from '../invitations.js';
import { findKnownFact, knownFactMatches } from '../known-facts.js';
import { isValidInvitationId } from '../invitation-id.js';
import type { EmulatorContext } from '../../context.js';
import type { ApiRequest, ApiResponse } from '../../gateway/api.js';
import { agentErrors, queuedOutcome } from './agent-errors.js';
import { readClientAccessData } from './client-access-data.js';
import { invitationBody, invitationPath } from './invitation-body.js';
import { requireAgent } from './require-agent.js';

/**
 * Create, list, get and cancel authorisation requests (Agent Authorisation API 1.0/2.0).
 * Create: the client's details are checked (see client-access-data.ts), then any error queued on demand
 * (agents/agent-outcomes.ts: VAT_CLIENT_INSOLVENT, ALREADY_BEING_PROCESSED), then the known fact against HMRC's
 * record (403 CLIENT_REGISTRATION_NOT_FOUND, POSTCODE_DOES_NOT_MATCH, VAT_REG_DATE_DOES_NOT_MATCH); an
 * existing relationship of that kind → 403 ALREADY_AUTHORISED; a pending request from the agent for the
 * same client and service → 403 DUPLICATE_AUTHORISATION_REQUEST with its Location; else 204 + Location.
 * List: the agent's requests of the last 30 days, newest first, or 204 when there are none.
 * Cancel: only a Pending request (else 403 INVALID_INVITATION_STATUS).
 */
const LIST_DAYS = 30;

export async function createInvitation(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { arn } = await requireAgent(req, ctx);
  const data = readClientAccessData(req.body, { clientType: true, knownFact: true });
  await queuedOutcome(ctx, 'create-invitation', data.service);
  const record = await findKnownFact(ctx.accounts, data.service, data.clientId);
  if (!record) throw agentErrors.clientRegistrationNotFound();
  if (!knownFactMatches(data.service, data.knownFact!, record.knownFact)) {
    throw data.service === 'MTD-IT' ? agentErrors.postcodeDoesNotMatch() : agentErrors.vatRegDateDoesNotMatch();
  }
  const existing = await ctx.relationships.find(arn, data.service, data.clientId);
  if (existing && existing.agentType === data.agentType) throw agentErrors.alreadyAuthorised();
  if (data.service === 'MTD-IT' && data.agentType === 'main' && (await findPartialAuth(ctx, arn, data.clientId))) throw agentErrors.alreadyAuthorised();
  const invitations = ctx.agents.invitations;
  const pending = (await invitations.list({ arn, service: data.service, clientId: data.clientId })).find((i) => invitations.status(i) === 'Pending');
  if (pending) throw agentErrors.duplicateAuthorisationRequest(invitationPath(arn, pending.invitationId));
  const invitation = await invitations.create({
    arn,
    service: data.service,
    clientType: data.clientType!,
    clientId: data.clientId,
    agentType: data.service === 'MTD-IT' ? data.agentType : undefined,
  });
  return { status: 204, headers: { Location: invitationPath(arn, invitation.invitationId) } };
}

export async function listInvitations(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { account, arn } = await requireAgent(req, ctx);
  const since = ctx.clock.now() - LIST_DAYS * 86_400_000;
  const recent = (await ctx.agents.invitations.list({ arn })).filter((i) => i.created >= since).sort((a, b) => b.created - a.created);
  if (!recent.length) return { status: 204 };
  return { status: 200, body: recent.map((i) => invitationBody(ctx, i, req.version, account)) };
}

export async function getInvitation(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { account } = await requireAgent(req, ctx);
  const invitation = await findOwnInvitation(req, ctx);
  return { status: 200, body: invitationBody(ctx, invitation, req.version, account) };
}

export async function cancelInvitation(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  await requireAgent(req, ctx);
  const invitation = await findOwnInvitation(req, ctx);
  try {
    await respondToInvitation(ctx, invitation, 'Cancelled');
  } catch (e) {
    if (e instanceof InvitationStateError) throw agentErrors.invalidInvitationStatus();
    throw e;
  }
  return { status: 204 };
}

/**
 * The request named in the path. An ID that is not an invitation ID (HMRC's path binder) → 400 BAD_REQUEST;
 * unknown → 404 INVITATION_NOT_FOUND; another agency's → 403 NO_PERMISSION_ON_AGENCY.
 */
async function findOwnInvitation(req: ApiRequest, ctx: EmulatorContext): Promise<Invitation> {
  const id = req.params.invitationId ?? '';
  if (!isValidInvitationId(id)) throw agentErrors.badRequest();
  const invitation = await ctx.agents.invitations.find(id);
  if (!invitation) throw agentErrors.invitationNotFound();
  if (invitation.arn !== req.params.arn) throw agentErrors.noPermissionOnAgency();
  return invitation;
}
