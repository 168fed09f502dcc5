import { acceptInvitation, InvitationStateError, respondToInvitation } from '../agent-actions.js';
import { findKnownFact, knownFactRequest } from '../known-facts.js';
import type { RelationshipService } from '../relationships.js';
import type { EmulatorContext } from '../../context.js';
import { PlatformError } from '../../errors/platform-error.js';
import type { Api, ApiRequest, ApiResponse } from '../../gateway/api.js';

/**
 * HMRC's Agent Authorisation Test Support API (hmrc/agent-authorisation-test-support-api, sandbox only):
 * act as the client on an authorisation request, and read a client's known fact.
 * - `PUT /agent-authorisation-test-support/invitations/{id}` accepts (204), making the relationship;
 * - `DELETE …/invitations/{id}` rejects (204);
 *   unknown request → 404 INVITATION_NOT_FOUND; not Pending (responded, cancelled or expired) → 409
 *   INVALID_INVITATION_STATUS (HMRC's README gives the status only; the body is the emulator's);
 * - `GET …/known-facts/mtd-it/nino/{nino}` and `…/known-facts/mtd-vat/vrn/{vrn}` → 200 the body to send
 *   to create a request, with the postcode or VAT registration date; unknown client → 404.
 * HMRC's README calls these "open test endpoints": they need no token (and so no subscription).
 */
const notFound = (): PlatformError => new PlatformError(404, 'INVITATION_NOT_FOUND', 'The authorisation request cannot be found.');
const conflict = (status: string): PlatformError =>
  new PlatformError(409, 'INVALID_INVITATION_STATUS', `The authorisation request cannot be responded to: its status is ${status}.`);
const clientNotFound = (): PlatformError => new PlatformError(404, 'CLIENT_REGISTRATION_NOT_FOUND', "The details provided for this client do not match HMRC's records.");

async function respond(req: ApiRequest, ctx: EmulatorContext, decision: 'accept' | 'reject'): Promise<ApiResponse> {
  const invitation = await ctx.agents.invitations.find(req.params.invitationId ?? '');
  if (!invitation) throw notFound();
  try {
    if (decision === 'accept') await acceptInvitation(ctx, invitation);
    else await respondToInvitation(ctx, invitation, 'Rejected');
  } catch (e) {
    if (e instanceof InvitationStateError) throw conflict(e.status);
    throw e;
  }
  return { status: 204 };
}

function knownFact(service: RelationshipService) {
  return async (req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> => {
    const clientId = (service === 'MTD-IT' ? req.params.nino : req.params.vrn) ?? '';
    const record = await findKnownFact(ctx.accounts, service, clientId);
    if (!record?.knownFact) throw clientNotFound();
    return { status: 200, body: knownFactRequest(service, clientId, record) };
  };
}

export const agentTestSupportApi: Api = {
  name: 'Agent Authorisation Test Support',
  context: 'agent-authorisation-test-support',
  versions: ['1.0'],
  formats: ['json'],
  endpoints: [
    { method: 'PUT', path: '/agent-authorisation-test-support/invitations/:invitationId', auth: 'open', handler: (req, ctx) => respond(req, ctx, 'accept') },
    { method: 'DELETE', path: '/agent-authorisation-test-support/invitations/:invitationId', auth: 'open', handler: (req, ctx) => respond(req, ctx, 'reject') },
    { method: 'GET', path: '/agent-authorisation-test-support/known-facts/mtd-it/nino/:nino', auth: 'open', handler: knownFact('MTD-IT') },
    { method: 'GET', path: '/agent-authorisation-test-support/known-facts/mtd-vat/vrn/:vrn', auth: 'open', handler: knownFact('MTD-VAT') },
  ],
};
