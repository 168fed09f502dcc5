import type { Account } from '../../accounts/account.js';

/**
 * The 201 body (HMRC's `create-*-response.json`): the fixed fields, then the generated identifiers flattened into
 * the object (only those generated are present), then `groupIdentifier`, which HMRC's code always adds.
 */
export function createdUserBody(account: Account, password: string): Record<string, unknown> {
  const base: Record<string, unknown> = {
    userId: account.userId,
    password,
    userFullName: account.userFullName,
    emailAddress: account.emailAddress,
  };
  if (account.affinityGroup === 'Individual') base.individualDetails = account.individualDetails;
  if (account.affinityGroup === 'Organisation') {
    base.organisationDetails = account.organisationDetails;
    if (account.individualDetails) base.individualDetails = account.individualDetails;
  }
  return { ...base, ...account.identifiers, groupIdentifier: account.groupIdentifier };
}
