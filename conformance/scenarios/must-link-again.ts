import { describeEntry, tokenRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';

/**
 * What lapsed-grant and revoked-authority share: once the software has met invalid_grant on refresh it must stop
 * refreshing, not crash, and ask the user to link again; a new link must then work.
 */
export async function expectMustLinkAgain(s: CheckSession, mark: number, cause: string): Promise<void> {
  const outcome = await s.callApi();
  const refreshes = tokenRequests(await s.entriesSince(mark), 'refresh_token');
  s.expect(refreshes.length >= 1, `${cause}: the software did not try to refresh its token`);
  s.expect(refreshes.length <= 1, `${cause}: the software tried to refresh ${refreshes.length} times after invalid_grant: ${refreshes.map(describeEntry).join(', ')}`);
  s.expect(!outcome.crashed, `${cause}: the software answered with ${outcome.status ?? 'no response'} (a server error or crash)`);
  s.expect(outcome.told?.outcome !== 'ok', `${cause}: the software told the user "ok"`);
  const state = await s.linkState();
  s.expect(state === undefined || state === 'must-link-again' || state === 'not-linked', `${cause}: the software shows "${state}" instead of asking the user to link again`);
  s.verdict();
  await s.clearFaults();
  await s.link();
}
