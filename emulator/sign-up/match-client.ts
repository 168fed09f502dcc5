import type { Account } from '../accounts/account.js';
import type { Accounts } from '../accounts/accounts.js';
import { isValidNino } from '../accounts/identifiers/nino.js';
import { isUkPostcode, normalisePostcode, postcodeOf, samePostcode } from '../accounts/postcode.js';
import { SignUpError } from './sign-up-error.js';

/**
 * Finding the client an agent wants to sign up (HMRC, "Sign up your clients for Making Tax Digital for
 * Income Tax"): the agent gives the client's National Insurance number and postcode, and both must match
 * HMRC's records. The emulator's records are the accounts: `identifiers.nino` and the postcode of
 * `individualDetails.address` (or, for an organisation, `organisationDetails.address`). Case and spaces
 * do not matter. A mismatch does not say which of the two was wrong.
 *
 * Postcode format: HMRC's pattern, as the Agent Authorisation API applies it (accounts/postcode.ts).
 */

export const normaliseNino = (value: string): string => value.replace(/\s/g, '').toUpperCase();

/** Field-level format problems, keyed by form field, worded as GOV.UK pages word them. */
export function clientDetailsProblems(nino: string, postcode: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!nino.trim()) problems.nino = "Enter your client's National Insurance number";
  else if (nino.length > 20 || !isValidNino(normaliseNino(nino))) problems.nino = 'Enter a National Insurance number in the correct format, like QQ 12 34 56 C';
  if (!postcode.trim()) problems.postcode = "Enter your client's postcode";
  else if (postcode.length > 10 || !isUkPostcode(normalisePostcode(postcode))) problems.postcode = 'Enter a real postcode, like AA1 1AA';
  return problems;
}

/** The client's account when the NINO and postcode match HMRC's records; otherwise a `client_not_matched` error. */
export async function matchClient(accounts: Accounts, nino: string, postcode: string): Promise<Account> {
  const problems = clientDetailsProblems(nino, postcode);
  const first = Object.values(problems)[0];
  if (first) throw new SignUpError('invalid_request', first);
  const wanted = normaliseNino(nino);
  const client = (await accounts.list()).find((a) => a.affinityGroup !== 'Agent' && a.identifiers.nino && normaliseNino(a.identifiers.nino) === wanted);
  const known = client && postcodeOf(client);
  if (!client || !known || !samePostcode(known, postcode)) {
    throw new SignUpError('client_not_matched', "The details you entered do not match HMRC's records. Check your client's National Insurance number and postcode.");
  }
  return client;
}

/** Whether the account already has Making Tax Digital for Income Tax. */
export function isSignedUp(account: Account): boolean {
  return account.enrolments.some((e) => e.key === 'HMRC-MTD-IT');
}
