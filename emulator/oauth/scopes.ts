/**
 * The OAuth scopes the emulator knows: those of the APIs it emulates, with the name HMRC shows the
 * user on the grant page and the confidence level each needs (HMRC's `api-scope` scopes.json).
 * The fidelity script checks this list against HMRC's published one.
 */
export interface Scope {
  key: string;
  name: string;
  confidenceLevel?: number;
}

export const SCOPES: readonly Scope[] = [
  { key: 'hello', name: 'Say Hello' },
  { key: 'read:self-assessment', name: 'View your Self Assessment information', confidenceLevel: 250 },
  { key: 'write:self-assessment', name: 'Change your Self Assessment information', confidenceLevel: 250 },
  { key: 'read:vat', name: 'View your VAT information' },
  { key: 'write:vat', name: 'Change your VAT information' },
  { key: 'read:sent-invitations', name: 'Read invitations sent' },
  { key: 'write:sent-invitations', name: 'Modify invitations sent' },
  { key: 'read:check-relationship', name: 'Check Relationship Status' },
  { key: 'write:relationships', name: 'De-authorise agent relationships' },
  { key: 'write:cancel-invitations', name: 'Cancel Invitations' },
  { key: 'read:national-insurance', name: 'access national insurance information', confidenceLevel: 250 },
  { key: 'openid', name: 'Confirm HMRC has a record of you', confidenceLevel: 200 },
  { key: 'profile', name: 'Access your name, gender and date of birth', confidenceLevel: 200 },
  { key: 'email', name: 'Shows your email address', confidenceLevel: 200 },
  { key: 'address', name: 'Access your address details', confidenceLevel: 200 },
];

const BY_KEY = new Map(SCOPES.map((s) => [s.key, s]));

export function findScope(key: string): Scope | undefined {
  return BY_KEY.get(key);
}

/** Splits a scope parameter on spaces (a `+` in the query has already been decoded to a space). */
export function splitScopes(scope: string): string[] {
  return scope.split(' ').filter(Boolean);
}

/** The highest confidence level any of the scopes needs (0 when none needs one). */
export function requiredConfidence(scopes: string[]): number {
  return Math.max(0, ...scopes.map((s) => BY_KEY.get(s)?.confidenceLevel ?? 0));
}
