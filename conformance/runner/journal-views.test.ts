import { describe, expect, it } from 'vitest';
import { KIT_USER_AGENT } from '../drivers/user-agent.js';
import type { JournalEntry } from './emulator-client.js';
import { apiRequests, bearerOf, describeEntry, tokenRequests } from './journal-views.js';

let id = 0;
function entry(o: Partial<JournalEntry>): JournalEntry {
  return { id: ++id, time: '2026-01-15T09:00:00.000Z', method: 'GET', path: '/', query: {}, requestHeaders: {}, requestBody: undefined, status: 200, responseHeaders: {}, responseBody: undefined, durationMs: 1, ...o };
}

describe('readings of the journal', () => {
  const journal = [
    entry({ path: '/oauth/authorize', requestHeaders: { 'user-agent': KIT_USER_AGENT } }),
    entry({ path: '/abc123', requestHeaders: { 'user-agent': KIT_USER_AGENT } }),
    entry({ method: 'POST', path: '/oauth/token', requestBody: { grant_type: 'authorization_code', code: 'sha256:aaa' } }),
    entry({ method: 'POST', path: '/oauth/token', requestBody: { grant_type: 'client_credentials' } }),
    entry({ path: '/test/fraud-prevention-headers/validate', requestHeaders: { authorization: 'Bearer sha256:app' } }),
    entry({ path: '/organisations/vat/123/obligations', requestHeaders: { authorization: 'Bearer sha256:0123456789ab' }, status: 403, responseBody: { code: 'CLIENT_OR_AGENT_NOT_AUTHORISED', message: 'The client and/or agent is not authorised.' } }),
  ];

  it("counts the software's API calls, not the kit's pages or sandbox test support", () => {
    expect(apiRequests(journal).map((e) => e.path)).toEqual(['/organisations/vat/123/obligations']);
  });

  it("counts the user's token requests, not application tokens", () => {
    expect(tokenRequests(journal).map((e) => (e.requestBody as { grant_type: string }).grant_type)).toEqual(['authorization_code']);
    expect(tokenRequests(journal, 'client_credentials')).toHaveLength(1);
  });

  it('reads the bearer fingerprint, and describes an API error by its code and message', () => {
    const call = journal.at(-1)!;
    expect(bearerOf(call)).toBe('sha256:0123456789ab');
    expect(describeEntry(call)).toBe('GET /organisations/vat/123/obligations → 403 CLIENT_OR_AGENT_NOT_AUTHORISED "The client and/or agent is not authorised."');
  });
});
