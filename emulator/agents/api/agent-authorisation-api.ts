import type { Api } from '../../gateway/api.js';
import { agentErrors } from './agent-errors.js';
import { cancelInvitation, createInvitation, getInvitation, listInvitations } from './invitation-endpoints.js';
import { checkRelationship, deauthoriseClient } from './relationship-endpoints.js';

/**
 * HMRC's Agent Authorisation API (hmrc/agent-authorisation-api; versions 1.0 and 2.0, JSON only):
 * an agent asks clients for authorisation, follows its requests, checks and ends relationships.
 * All endpoints are user-restricted: the agent's own token, with the scope of each endpoint.
 * A missing or malformed Accept header is answered by the API itself (406 "Missing 'Accept' header." /
 * "Invalid 'Accept' header."), and `+xml` with 400 BAD_REQUEST "Missing or unsupported content-type.".
 */
export const agentAuthorisationApi: Api = {
  name: 'Agent Authorisation',
  context: 'agents',
  versions: ['1.0', '2.0'],
  formats: ['json'],
  acceptErrors: { missing: agentErrors.acceptHeaderMissing, invalid: agentErrors.acceptHeaderInvalid, format: agentErrors.unsupportedContentType },
  endpoints: [
    { method: 'POST', path: '/agents/:arn/invitations', auth: 'user', scopes: ['write:sent-invitations'], handler: createInvitation },
    { method: 'GET', path: '/agents/:arn/invitations', auth: 'user', scopes: ['read:sent-invitations'], handler: listInvitations },
    { method: 'GET', path: '/agents/:arn/invitations/:invitationId', auth: 'user', scopes: ['read:sent-invitations'], handler: getInvitation },
    { method: 'DELETE', path: '/agents/:arn/invitations/:invitationId', auth: 'user', scopes: ['write:cancel-invitations'], handler: cancelInvitation },
    { method: 'POST', path: '/agents/:arn/relationships', auth: 'user', scopes: ['read:check-relationship'], handler: checkRelationship },
    { method: 'PUT', path: '/agents/:arn/deauthorise-client', auth: 'user', scopes: ['write:relationships'], handler: deauthoriseClient },
  ],
};
