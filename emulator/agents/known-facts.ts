import type { Account } from '../accounts/account.js';
import type { Accounts } from '../accounts/accounts.js';
import { postcodeOf, samePostcode } from '../accounts/postcode.js';
import type { RelationshipService } from './relationships.js';
import { normaliseClientId } from './invitations.js';

/**
 * What HMRC checks an agent knows about a client before it sends an authorisation request or checks a
 * relationship: for Income Tax (MTD-IT, by NINO) the postcode of the client's main address; for VAT
 * (MTD-VAT, by VRN) the VAT registration date. The emulator reads them from the client's account
 * (`individualDetails.address.postcode`, else `organisationDetails.address.postcode`; identifier
 * `vatRegistrationDate`). A NINO or VRN that no account holds is "CLIENT_REGISTRATION_NOT_FOUND".
 * The emulator's choice: the client need not be signed up to Making Tax Digital yet.
 */
export interface KnownFact {
  account: Account;
  /** The postcode (MTD-IT) or VAT registration date `yyyy-mm-dd` (MTD-VAT); undefined if the account lacks it. */
  knownFact: string | undefined;
}

export async function findKnownFact(accounts: Accounts, service: RelationshipService, clientId: string): Promise<KnownFact | undefined> {
  const id = normaliseClientId(clientId);
  const key = service === 'MTD-IT' ? 'nino' : 'vrn';
  const account = (await accounts.list()).find((a) => a.affinityGroup !== 'Agent' && a.identifiers[key]?.replace(/\s/g, '').toUpperCase() === id);
  if (!account) return undefined;
  return { account, knownFact: knownFactOf(account, service) };
}

export function knownFactOf(account: Account, service: RelationshipService): string | undefined {
  return service === 'MTD-IT' ? postcodeOf(account) : account.identifiers.vatRegistrationDate;
}

/**
 * The body an agent sends to create an authorisation request for this client, with its known fact: what the test
 * support API's known-facts endpoints return.
 */
export function knownFactRequest(service: RelationshipService, clientId: string, { account, knownFact }: KnownFact) {
  const it = service === 'MTD-IT';
  return {
    service: [service],
    clientType: it ? 'personal' : account.affinityGroup === 'Organisation' ? 'business' : 'personal',
    clientIdType: it ? 'ni' : 'vrn',
    clientId: clientId.replace(/\s/g, '').toUpperCase(),
    knownFact,
  };
}

/** Whether the supplied known fact matches the record: postcodes ignoring case and spaces, dates exactly. */
export function knownFactMatches(service: RelationshipService, supplied: string, recorded: string | undefined): boolean {
  if (recorded === undefined) return false;
  return service === 'MTD-VAT' ? supplied === recorded : samePostcode(supplied, recorded);
}
