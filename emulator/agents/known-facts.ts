import type { Account } from '../accounts/account.js';
import type { Accounts } from '../accounts/accounts.js';
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
  const knownFact =
    service === 'MTD-IT'
      ? (account.individualDetails?.address.postcode ?? account.organisationDetails?.address.postcode)
      : account.identifiers.vatRegistrationDate;
  return { account, knownFact };
}

/** Whether the supplied known fact matches the record: postcodes ignoring case and spaces, dates exactly. */
export function knownFactMatches(service: RelationshipService, supplied: string, recorded: string | undefined): boolean {
  if (recorded === undefined) return false;
  if (service === 'MTD-VAT') return supplied === recorded;
  const compact = (p: string): string => p.replace(/\s/g, '').toUpperCase();
  return compact(supplied) === compact(recorded);
}
