import type { Sighting } from '../drivers/user-agent.js';
import type { CheckSession } from '../runner/session.js';
import { fingerprint, safeDecode, tokenCandidates } from '../runner/redact.js';
import { responseBody, tokenRequests } from '../runner/journal-views.js';
import type { Scenario } from './scenario.js';

/**
 * Anything the user's browser sees leaks (history, logs, referrers, extensions). The kit's user agent reports every
 * URL it goes to (redirect hops included, fragments too), every cookie and page the software serves, in every check
 * of the run; this check, run last, links once more and then looks through all of it for the client secret's value
 * (as is, percent-decoded or base64-encoded) and for any access or refresh token HMRC issued in the run
 * (compared by fingerprint, since the kit never holds them in clear).
 */
const MAX_FINDINGS = 6;

export const secretsOutOfBrowser: Scenario = {
  id: 'secrets-out-of-browser',
  async run(s: CheckSession) {
    await s.link();
    const secret = s.secret;
    const secretForms = secret ? [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')] : [];
    const issued = new Map<string, string>();
    for (const e of tokenRequests(await s.runEntries())) {
      const rb = responseBody(e);
      if (typeof rb.access_token === 'string') issued.set(rb.access_token, 'an access token');
      if (typeof rb.refresh_token === 'string') issued.set(rb.refresh_token, 'a refresh token');
    }
    const found = new Map<string, Set<string>>();
    const note = (what: string, check: string): void => void found.set(what, (found.get(what) ?? new Set()).add(check));
    for (const seen of s.run.sightings) {
      for (const [where, text] of places(seen)) {
        const decoded = safeDecode(text);
        if (secretForms.some((f) => text.includes(f) || decoded.includes(f))) note(`the client secret is in ${where}`, seen.check);
        for (const candidate of tokenCandidates(text)) {
          const kind = issued.get(fingerprint(candidate));
          if (kind) note(`${kind} is in ${where}`, seen.check);
        }
      }
    }
    const all = [...found].map(([what, checks]) => `${what} (seen during ${[...checks].join(', ')})`);
    for (const f of all.slice(0, MAX_FINDINGS)) s.expect(false, f);
    if (all.length > MAX_FINDINGS) s.expect(false, `… and ${all.length - MAX_FINDINGS} more places`);
    s.verdict();
  },
};

/** Where in what the browser saw a value could be, each named for the finding: each URL parameter, the fragment, the path, the page, each cookie. */
function places(seen: Sighting): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let url: URL | undefined;
  try {
    url = new URL(seen.url);
  } catch {
    return [[`the URL ${seen.url}`, seen.url]];
  }
  const at = `${url.origin}${url.pathname}`;
  out.push([`the path of ${at}`, url.pathname]);
  for (const [name, value] of url.searchParams) out.push([`the ${name} parameter of ${at}`, value]);
  if (url.hash) out.push([`the fragment of ${at}`, url.hash.slice(1)]);
  if (seen.body) out.push([`the page at ${at}`, seen.body]);
  for (const cookie of seen.cookies ?? []) out.push([`a cookie set at ${at}`, cookie]);
  return out;
}
