import type { AgentOutcome } from '../agent-outcomes.js';
import type { EmulatorContext } from '../../context.js';
import type { PlatformCode } from '../../errors/platform-codes.js';
import { PlatformError } from '../../errors/platform-error.js';

/**
 * The Agent Authorisation API's own errors, worded as HMRC's service words them
 * (hmrc/agent-authorisation-api `ApiErrorResponse.scala`, `ErrorResponse.scala`, `AcceptHeaderFilter.scala`).
 * Where the published examples word a message differently, the service's wording wins: it is what
 * software receives. Codes are those of the published OpenAPI; `INVALID_PAYLOAD` is what the service
 * answers for a body that is not the documented JSON (the examples call it BAD_REQUEST).
 */
const e = (status: number, code: PlatformCode, message: string) => (): PlatformError => new PlatformError(status, code, message);

export const agentErrors = {
  acceptHeaderMissing: e(406, 'ACCEPT_HEADER_INVALID', "Missing 'Accept' header."),
  acceptHeaderInvalid: e(406, 'ACCEPT_HEADER_INVALID', "Invalid 'Accept' header."),
  unsupportedContentType: e(400, 'BAD_REQUEST', 'Missing or unsupported content-type.'),
  badRequest: e(400, 'BAD_REQUEST', 'Bad Request'),
  invalidPayload: e(400, 'INVALID_PAYLOAD', 'The payload is invalid.'),
  serviceNotSupported: e(400, 'SERVICE_NOT_SUPPORTED', 'The service requested is not supported. Check the API documentation to find which services are supported.'),
  clientTypeNotSupported: e(
    400,
    'CLIENT_TYPE_NOT_SUPPORTED',
    'The client type requested is not supported. Check the API documentation to find which client types are supported.',
  ),
  agentTypeNotSupported: e(
    400,
    'AGENT_TYPE_NOT_SUPPORTED',
    'The agent type requested is not supported. Check the API documentation to find which agent types are supported.',
  ),
  clientIdFormatInvalid: e(400, 'CLIENT_ID_FORMAT_INVALID', 'Client identifier must be in the correct format. Check the API documentation to find the correct format.'),
  clientIdDoesNotMatchService: e(
    400,
    'CLIENT_ID_DOES_NOT_MATCH_SERVICE',
    'The specified client identifier does not match the requested service. Check the API documentation to find the correct format.',
  ),
  postcodeFormatInvalid: e(400, 'POSTCODE_FORMAT_INVALID', 'Postcode must be in the correct format. Check the API documentation to find the correct format.'),
  vatRegDateFormatInvalid: e(
    400,
    'VAT_REG_DATE_FORMAT_INVALID',
    'VAT registration date must be in the correct format. Check the API documentation to find the correct format.',
  ),
  clientRegistrationNotFound: e(403, 'CLIENT_REGISTRATION_NOT_FOUND', "The details provided for this client do not match HMRC's records."),
  postcodeDoesNotMatch: e(403, 'POSTCODE_DOES_NOT_MATCH', "The postcode provided does not match HMRC's record for this client."),
  vatRegDateDoesNotMatch: e(403, 'VAT_REG_DATE_DOES_NOT_MATCH', "The VAT registration date provided does not match HMRC's record for this client."),
  duplicateAuthorisationRequest: (location: string): PlatformError =>
    new PlatformError(403, 'DUPLICATE_AUTHORISATION_REQUEST', 'The authorisation request is a duplicate of a previous request.', { Location: location }),
  alreadyAuthorised: e(
    403,
    'ALREADY_AUTHORISED',
    'The client has already authorised the agent for this service. The agent does not need ask the client for this authorisation again.',
  ),
  notAnAgent: e(
    403,
    'NOT_AN_AGENT',
    'This user does not have a Government Gateway agent account. They need to create an Government Gateway agent account before they can use this service.',
  ),
  agentNotSubscribed: e(403, 'AGENT_NOT_SUBSCRIBED', 'This agent needs to create an agent services account before they can use this service.'),
  vatClientInsolvent: e(403, 'VAT_CLIENT_INSOLVENT', 'The Vat registration number belongs to a customer that is insolvent.'),
  alreadyBeingProcessed: e(403, 'ALREADY_BEING_PROCESSED', 'More than one request received to create the same invitation.'),
  noPermissionOnAgency: e(
    403,
    'NO_PERMISSION_ON_AGENCY',
    'The user that is signed in cannot access this authorisation request. Their details do not match the agent business that created the authorisation request.',
  ),
  invalidInvitationStatus: e(
    403,
    'INVALID_INVITATION_STATUS',
    'This authorisation request cannot be cancelled as the client has already responded to the request, or the request has expired.',
  ),
  noRelationship: e(403, 'NO_RELATIONSHIP', 'The specified relationship does not exist.'),
  invitationNotFound: e(404, 'INVITATION_NOT_FOUND', 'The authorisation request cannot be found.'),
  relationshipNotFound: e(404, 'RELATIONSHIP_NOT_FOUND', 'Relationship is inactive. Agent is not authorised to act for this client.'),
};

/** Throws the error queued on demand for this call (`POST /_emulator/agents/outcomes`), if any. */
export async function queuedOutcome(ctx: EmulatorContext, endpoint: AgentOutcome['appliesTo'][number], service: string): Promise<void> {
  const id = await ctx.agents.outcomes.take(endpoint, service);
  if (id === 'VAT_CLIENT_INSOLVENT') throw agentErrors.vatClientInsolvent();
  if (id === 'ALREADY_BEING_PROCESSED') throw agentErrors.alreadyBeingProcessed();
}
