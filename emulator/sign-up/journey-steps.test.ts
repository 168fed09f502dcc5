import { describe, expect, it } from 'vitest';
import { firstIncomplete, reachable } from './journey-steps.js';

const verified = { email: 'agent@agency.example', verifiedAt: '2026-01-15T09:00:00.000Z' };

describe('journey steps', () => {
  it('walks the agent through client details, own email, preference, client email, check answers', () => {
    expect(firstIncomplete('agent', {}, undefined)).toBe('client-details');
    expect(firstIncomplete('agent', { clientUserId: 'c' }, undefined)).toBe('email');
    expect(firstIncomplete('agent', { clientUserId: 'c', pendingEmail: 'a@b.example' }, undefined)).toBe('check-your-email');
    expect(firstIncomplete('agent', { clientUserId: 'c' }, verified)).toBe('contact-preference');
    expect(firstIncomplete('agent', { clientUserId: 'c', contactPreference: 'emails' }, verified)).toBe('client-email');
    expect(firstIncomplete('agent', { clientUserId: 'c', contactPreference: 'letters' }, verified)).toBe('check-answers');
  });

  it('asks a taxpayer for a business email only when they want emails, and until that address is verified', () => {
    expect(firstIncomplete('individual', {}, undefined)).toBe('contact-preference');
    expect(firstIncomplete('individual', { contactPreference: 'letters' }, undefined)).toBe('check-answers');
    expect(firstIncomplete('business', { contactPreference: 'emails' }, undefined)).toBe('email');
    expect(firstIncomplete('business', { contactPreference: 'emails', businessEmail: 'x@y.example' }, verified)).toBe('email');
    expect(firstIncomplete('business', { contactPreference: 'emails', businessEmail: verified.email }, verified)).toBe('check-answers');
  });

  it('lets earlier steps be revisited but not later ones skipped to', () => {
    const answers = { clientUserId: 'c', contactPreference: 'letters' as const };
    expect(reachable('agent', 'client-details', answers, verified)).toBe(true);
    expect(reachable('agent', 'check-answers', answers, verified)).toBe(true);
    expect(reachable('agent', 'client-email', answers, verified)).toBe(false);
    expect(reachable('agent', 'check-your-email', answers, verified)).toBe(false);
    expect(reachable('agent', 'check-answers', { clientUserId: 'c' }, undefined)).toBe(false);
  });
});
