import { isValidNino } from '../../accounts/identifiers/nino.js';
import { isUkPostcode } from '../../accounts/postcode.js';
import type { RelationshipService } from '../relationships.js';
import { agentErrors } from './agent-errors.js';

/**
 * Reads the client details in a create-invitation, check-relationship or deauthorise-client body,
 * in HMRC's order (agent-authorisation-api `ValidateClientAccessDataService`):
 * not the documented JSON → 400 INVALID_PAYLOAD; a service other than MTD-IT or MTD-VAT →
 * SERVICE_NOT_SUPPORTED; an agent type other than main or supporting (or supporting for VAT) →
 * AGENT_TYPE_NOT_SUPPORTED; a client type the service does not take (MTD-IT: personal; MTD-VAT:
 * personal or business) → CLIENT_TYPE_NOT_SUPPORTED; a client ID of the other service's kind →
 * CLIENT_ID_DOES_NOT_MATCH_SERVICE, else not a NINO / VRN → CLIENT_ID_FORMAT_INVALID; a postcode
 * not matching `^[A-Z]{1,2}[0-9][0-9A-Z]?\s?[0-9][A-Z]{2}$|BFPO\s?[0-9]{1,5}$` (accounts/postcode.ts) → POSTCODE_FORMAT_INVALID;
 * a VAT registration date that is not a `yyyy-mm-dd` calendar date → VAT_REG_DATE_FORMAT_INVALID.
 * `service` is a string (v2.0 documents) or a one-element array (v1.0 documents); both are accepted.
 * Spaces in the client ID are ignored.
 */
export interface ClientAccessData {
  service: RelationshipService;
  clientType?: 'personal' | 'business' | undefined;
  clientIdType: 'ni' | 'vrn';
  clientId: string;
  knownFact?: string | undefined;
  /** MTD-IT: main (the default) or supporting; MTD-VAT: always main. */
  agentType: 'main' | 'supporting';
}

const VRN = /^[0-9]{1,9}$/;
const CLIENT_TYPES: Record<RelationshipService, string[]> = { 'MTD-IT': ['personal'], 'MTD-VAT': ['personal', 'business'] };

export function readClientAccessData(body: unknown, needs: { clientType: boolean; knownFact: boolean }): ClientAccessData {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw agentErrors.invalidPayload();
  const b = body as Record<string, unknown>;
  const service = Array.isArray(b.service) && b.service.length === 1 ? b.service[0] : b.service;
  const str = (v: unknown): v is string => typeof v === 'string';
  if (!str(service) || !str(b.clientIdType) || !str(b.clientId)) throw agentErrors.invalidPayload();
  if (needs.clientType && !str(b.clientType)) throw agentErrors.invalidPayload();
  if (needs.knownFact && !str(b.knownFact)) throw agentErrors.invalidPayload();
  if (b.agentType !== undefined && b.agentType !== null && !str(b.agentType)) throw agentErrors.invalidPayload();

  if (service !== 'MTD-IT' && service !== 'MTD-VAT') throw agentErrors.serviceNotSupported();
  const agentType = (b.agentType ?? 'main') as string;
  if (agentType !== 'main' && (agentType !== 'supporting' || service === 'MTD-VAT')) throw agentErrors.agentTypeNotSupported();
  if (needs.clientType && !CLIENT_TYPES[service].includes(b.clientType as string)) throw agentErrors.clientTypeNotSupported();

  const clientId = b.clientId.replace(/ /g, '');
  const expectedIdType = service === 'MTD-IT' ? 'ni' : 'vrn';
  const validForService = service === 'MTD-IT' ? isValidNino(clientId) : VRN.test(clientId);
  if (!validForService) throw isValidNino(clientId) || VRN.test(clientId) ? agentErrors.clientIdDoesNotMatchService() : agentErrors.clientIdFormatInvalid();
  if (b.clientIdType !== expectedIdType) throw agentErrors.clientIdDoesNotMatchService();

  const knownFact = str(b.knownFact) ? b.knownFact : undefined;
  if (needs.knownFact) {
    if (service === 'MTD-IT' && !isUkPostcode(knownFact!)) throw agentErrors.postcodeFormatInvalid();
    if (service === 'MTD-VAT' && !isCalendarDate(knownFact!)) throw agentErrors.vatRegDateFormatInvalid();
  }
  return {
    service,
    clientType: needs.clientType ? (b.clientType as 'personal' | 'business') : undefined,
    clientIdType: expectedIdType,
    clientId,
    knownFact,
    agentType: agentType as 'main' | 'supporting',
  };
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
