import type { Account } from './account.js';

/**
 * UK postcodes as HMRC's APIs check them: the one definition behind every postcode check the emulator applies (the
 * Agent Authorisation API's known fact, the agent sign-up journey, Self Assessment Test Support business addresses)
 * and behind generated addresses (fake-person.ts), so a generated client always passes them.
 *
 * HMRC spells the pattern twice: the Agent Authorisation API `^[A-Z]{1,2}[0-9][0-9A-Z]?\s?[0-9][A-Z]{2}$|BFPO\s?[0-9]{1,5}$`,
 * Self Assessment Test Support `^[A-Z]{1,2}[0-9][0-9A-Z]?\s?[0-9][A-Z]{2}|BFPO\s?[0-9]{1,10}$`. Both mean capitals:
 * an outward code (one or two letters, a digit, an optional digit or letter), an optional space, an inward code (a
 * digit and two letters); or a BFPO number. Read literally each anchor binds one alternative only (`XBFPO 1` passes
 * the first spelling, `AA1 1AAX` the second); the emulator matches the whole value. BFPO numbers: up to 5 digits for
 * both APIs (real ones have at most 4).
 *
 * @example isUkPostcode('SW1A 1AA') // true; isUkPostcode('BR33 21D') // false
 */
export const UK_POSTCODE = /^(?:[A-Z]{1,2}[0-9][0-9A-Z]?\s?[0-9][A-Z]{2}|BFPO\s?[0-9]{1,5})$/;

export const isUkPostcode = (value: string): boolean => UK_POSTCODE.test(value);

/** Trimmed, single-spaced, upper case: how a postcode typed into a form is checked and kept. */
export const normalisePostcode = (value: string): string => value.trim().replace(/\s+/g, ' ').toUpperCase();

/** Whether two postcodes are the same, ignoring case and spaces, as HMRC compares a known fact with its record. */
export const samePostcode = (a: string, b: string): boolean => compact(a) === compact(b);

/** The postcode of the account's main address (`individualDetails`, else `organisationDetails`): its known fact. */
export function postcodeOf(account: Account): string | undefined {
  return account.individualDetails?.address.postcode ?? account.organisationDetails?.address.postcode;
}

const compact = (value: string): string => value.replace(/\s/g, '').toUpperCase();
