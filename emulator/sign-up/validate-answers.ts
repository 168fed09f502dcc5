import type { ContactPreference } from './sign-up.js';

/**
 * Format rules for the answers the sign-up pages and shortcuts take. HMRC's exact email rule is not
 * public; the emulator accepts `local@domain.tld` up to 254 characters (RFC 5321's limit), with no
 * spaces, quotes or angle brackets.
 */
const EMAIL = /^[^\s@<>"'`]+@[^\s@<>"'`.]+(?:\.[^\s@<>"'`.]+)+$/;

export function emailProblem(value: string, whose: 'your' | "your client's" | 'your business'): string | undefined {
  const email = value.trim();
  if (!email) return `Enter ${whose} email address`;
  if (email.length > 254 || !EMAIL.test(email)) return 'Enter an email address in the correct format, like name@example.com';
  return undefined;
}

export function parseContactPreference(value: unknown): ContactPreference | undefined {
  return value === 'emails' || value === 'letters' ? value : undefined;
}
