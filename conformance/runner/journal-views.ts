import { KIT_USER_AGENT } from '../drivers/user-agent.js';
import type { JournalEntry } from './emulator-client.js';

/** Readings of the emulator's journal that several scenarios share. */

/**
 * Token requests for the user's grant (`authorization_code`, `refresh_token`), or of one grant type. Application
 * tokens (`client_credentials`, e.g. for the Test Fraud Prevention Headers API) are the software's own business.
 */
export function tokenRequests(entries: JournalEntry[], grantType?: string): JournalEntry[] {
  return entries.filter(
    (e) => e.method === 'POST' && e.path === '/oauth/token' && (grantType ? body(e).grant_type === grantType : body(e).grant_type !== 'client_credentials'),
  );
}

/** Sandbox-only test support APIs, which software may call around its real calls (e.g. to validate fraud headers). */
const TEST_SUPPORT = ['/test/', '/create-test-user/', '/individuals/self-assessment-test-support/', '/agent-authorisation-test-support/'];

/** Requests the software made to HMRC's APIs for the user (not OAuth, not test support, not the kit's own user agent). */
export function apiRequests(entries: JournalEntry[]): JournalEntry[] {
  return entries.filter(
    (e) =>
      !e.path.startsWith('/oauth') &&
      !e.path.startsWith('/.well-known') &&
      !TEST_SUPPORT.some((prefix) => e.path.startsWith(prefix)) &&
      !(e.requestHeaders['user-agent'] ?? '').startsWith(KIT_USER_AGENT),
  );
}

export function body(e: JournalEntry): Record<string, unknown> {
  return e.requestBody && typeof e.requestBody === 'object' ? (e.requestBody as Record<string, unknown>) : {};
}

export function responseBody(e: JournalEntry): Record<string, unknown> {
  return e.responseBody && typeof e.responseBody === 'object' ? (e.responseBody as Record<string, unknown>) : {};
}

/** The bearer credential's fingerprint (`sha256:…`) as the journal shows it. */
export function bearerOf(e: JournalEntry): string | undefined {
  return /^Bearer (sha256:[0-9a-f]+)$/.exec(e.requestHeaders.authorization ?? '')?.[1];
}

export function describeEntry(e: JournalEntry): string {
  const rb = responseBody(e);
  const code = typeof rb.code === 'string' ? ` ${rb.code}` : '';
  const detail = rb.error ? ` ${String(rb.error)}${rb.error_description ? ` "${String(rb.error_description)}"` : ''}` : `${code}${rb.message ? ` "${String(rb.message)}"` : ''}`;
  return `${e.method} ${e.path} → ${e.status}${detail}`;
}
