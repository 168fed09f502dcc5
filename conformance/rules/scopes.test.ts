import { describe, expect, it } from 'vitest';
import { isKnownScope, scopeFitsSubscriptions, splitScopes } from './scopes.js';

describe("the kit's scope rules", () => {
  it('know the scopes of the Making Tax Digital and agent APIs, and not made-up ones', () => {
    for (const scope of ['hello', 'read:vat', 'write:vat', 'read:self-assessment', 'write:self-assessment', 'read:sent-invitations', 'write:relationships', 'openid']) expect(isKnownScope(scope), scope).toBe(true);
    for (const scope of ['vat', 'read:VAT', 'write:self_assessment', 'toString', '']) expect(isKnownScope(scope), scope).toBe(false);
  });

  it('fit a scope to the subscriptions it is for', () => {
    expect(scopeFitsSubscriptions('read:vat', ['organisations/vat'])).toBe(true);
    expect(scopeFitsSubscriptions('write:self-assessment', ['organisations/vat'])).toBe(false);
    expect(scopeFitsSubscriptions('read:self-assessment', ['individuals/business/property'])).toBe(true);
    expect(scopeFitsSubscriptions('read:self-assessment', ['obligations/details'])).toBe(true);
    expect(scopeFitsSubscriptions('write:sent-invitations', ['hello'])).toBe(false);
    expect(scopeFitsSubscriptions('openid', [])).toBe(true);
    expect(scopeFitsSubscriptions('made-up', ['hello'])).toBe(false);
  });

  it('split a scope parameter on spaces', () => {
    expect(splitScopes(' read:vat  write:vat ')).toEqual(['read:vat', 'write:vat']);
  });
});
