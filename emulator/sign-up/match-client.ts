import type { Account } from '../accounts/account.js';
import type { Accounts } from '../accounts/accounts.js';
import { isValidNino } from '../accounts/identifiers/nino.js';
import { SignUpError } from './sign-up-error.js';

/**
 * Finding the client an agent wants to sign up (HMRC, "Sign up your clients for Making Tax Digital for
 * Income Tax"): the agent gives the client's National Insurance number and postcode, and both must match
 * HMRC's records. The emulator's records are the accounts: `identifiers.nino` and the postcode of
 * `individualDetails.address` (or, for an organisation, `organisationDetails.address`). Case and spaces
 * do not matter. A mismatch does not say which of the two was wrong.
 *
 * Postcode format: the Agent Authorisation API's pattern, `^[A-Z]{1,2}[0-9][0-9A-Z]?\s?[0-9][A-Z]{2}$|BFPO\s?[0-9]{1,5}$`.
 */
const POSTCODE = /^(?:[A-Z]{1,2}[0-9][0-9A-Z]?\s?[0-9][A-Z]{2}|BFPO\s?[0-9]{1,5})$/;

export const normaliseNino = (value: string): string => value.replace(/\s/g, '').toUpperCase();
export const normalisePostcode = (value: string): string => value.trim().replace(/\s+/g, ' ').toUpperCase();
const compactPostcode = (value: string): string => value.replace(/\s/g, '').toUpperCase();

/** Field-level format problems, keyed by form field, worded as GOV.UK pages word them. */
export function clientDetailsProblems(nino: string, postcode: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!nino.trim()) problems.nino = "Enter your client's National Insurance number";
  else if (nino.length > 20 || !isValidNino(normaliseNino(nino))) problems.nino = 'Enter a National Insurance number in the correct format, like QQ 12 34 56 C';
  if (!postcode.trim()) problems.postcode = "Enter your client's postcode";
  else if (postcode.length > 10 || !POSTCODE.test(normalisePostcode(postcode))) problems.postcode = 'Enter a real postcode, like AA1 1AA';
  return problems;
}

export function postcodeOf(account: Account): string | undefined {
  return account.individualDetails?.address.postcode ?? account.organisationDetails?.address.postcode;
}

/** The client's account when the NINO and postcode match HMRC's records; otherwise a `client_not_matched` error. */
export async function matchClient(accounts: Accounts, nino: string, postcode: string): Promise<Account> {
  const problems = clientDetailsProblems(nino, postcode);
  const first = Object.values(problems)[0];
  if (first) throw new SignUpError('invalid_request', first);
  const wanted = normaliseNino(nino);
  const client = (await accounts.list()).find((a) => a.affinityGroup !== 'Agent' && a.identifiers.nino && normaliseNino(a.identifiers.nino) === wanted);
  const known = client && postcodeOf(client);
  if (!client || !known || compactPostcode(known) !== compactPostcode(postcode)) {
    throw new SignUpError('client_not_matched', "The details you entered do not match HMRC's records. Check your client's National Insurance number and postcode.");
  }
  return client;
}

/** Whether the account already has Making Tax Digital for Income Tax. */
export function isSignedUp(account: Account): boolean {
  return account.enrolments.some((e) => e.key === 'HMRC-MTD-IT');
}
