/**
 * The catalogue of conformance checks: one entry per check, with the rule and why (one sentence), the HMRC or RFC
 * reference, and what to fix when it fails. The scenario that proves each rule is `scenarios/<id>.ts`; the table in
 * docs/conformance.md lists this catalogue.
 */
export interface CheckDefinition {
  id: string;
  title: string;
  /** The rule and why it matters, in one sentence. */
  rule: string;
  reference: string;
  /** What the vendor should change when the check fails. */
  fix: string;
}

export const CHECKS = [
  {
    id: 'authorization-request',
    title: 'Authorization request',
    rule: 'The authorization request uses response_type=code, the application\'s own client_id, a registered redirect_uri and scopes of APIs the application is subscribed to that cover the APIs the software then calls, because HMRC refuses anything else (403 INVALID_SCOPE on an API the scopes do not cover).',
    reference: 'HMRC Developer Hub, "User-restricted endpoints": request authorization; RFC 6749 §4.1.1; HMRC reference guide: 403 INVALID_SCOPE',
    fix: 'Build the URL as GET /oauth/authorize?response_type=code&client_id=…&scope=…&state=…&redirect_uri=<a registered URI>, asking for the scopes of the APIs you call (e.g. read:vat for VAT obligations), and only of APIs you are subscribed to.',
  },
  {
    id: 'state-parameter',
    title: 'State parameter',
    rule: 'Every authorization request carries a fresh, unguessable state (at least 16 characters, never repeated), because state is what protects the callback from cross-site request forgery.',
    reference: 'RFC 6749 §10.12; RFC 9700 §4.7.1; HMRC Developer Hub: state "is returned to you"',
    fix: 'Generate state from a cryptographic random source (e.g. 128 bits, base64url) for each link attempt and keep it in the user\'s session.',
  },
  {
    id: 'pkce',
    title: 'PKCE',
    rule: 'If the software uses PKCE it sends an S256 code_challenge of 43 base64url characters and the matching code_verifier when exchanging the code, because HMRC accepts only S256 and refuses a wrong or missing verifier.',
    reference: 'HMRC Developer Hub, "User-restricted endpoints" (PKCE); RFC 7636 §4',
    fix: 'Make code_challenge = BASE64URL(SHA256(code_verifier)) with code_challenge_method=S256, keep the verifier with the state, and send it as code_verifier in the token request.',
  },
  {
    id: 'code-exchange',
    title: 'Code exchange',
    rule: 'On the callback the code is exchanged at once, exactly once, with the client credentials and the same redirect_uri as the authorization request, because codes are single-use, expire after 10 minutes and are bound to that redirect_uri.',
    reference: 'HMRC Developer Hub, "User-restricted endpoints": exchange the authorization code; RFC 6749 §4.1.3',
    fix: 'In the callback handler POST /oauth/token with grant_type=authorization_code, code, client_id, client_secret and the exact redirect_uri used to start the link, then store both tokens.',
  },
  {
    id: 'reset',
    title: 'Reset hook',
    rule: 'The contract\'s reset hook forgets every token and pending link, so that afterwards the software shows "not-linked" and makes no API call with the old token, because each check must start from a clean slate to be judged.',
    reference: 'docs/conformance.md, "The vendor contract": reset',
    fix: 'Make the reset hook delete the stored access and refresh tokens and any pending link (state, verifier) for every user, and show "not-linked" afterwards.',
  },
  {
    id: 'code-reuse',
    title: 'Code never reused',
    rule: 'A callback that arrives again (reload, back button, replayed link) never sends its code to HMRC a second time, because a reused code is refused and may revoke the tokens it issued.',
    reference: 'RFC 6749 §4.1.2 and §10.5; HMRC: "authorization code … can only be used once"',
    fix: 'Consume the pending state on the first callback and ignore (or show "already linked" for) any later callback with the same state or code.',
  },
  {
    id: 'state-tampering',
    title: 'Tampered state rejected',
    rule: 'A callback whose state is not the one the software sent is rejected without exchanging the code, because accepting it lets an attacker link a victim\'s software to the attacker\'s HMRC account.',
    reference: 'RFC 6749 §10.12; RFC 9700 §4.7',
    fix: 'Compare the callback\'s state with the one stored for this user before doing anything with the code; on a mismatch show an error and do not call /oauth/token.',
  },
  {
    id: 'denied-grant',
    title: 'Denied grant',
    rule: 'When the user chooses "Do not grant authority" the software makes no token request and shows a sensible "not linked" outcome, never a server error, because denial is an ordinary user choice.',
    reference: 'HMRC Developer Hub: error=access_denied&error_code=USER_DENIED_AUTHORIZATION; RFC 6749 §4.1.2.1',
    fix: 'Handle error=access_denied on the callback: show that the software is not linked and offer to start again.',
  },
  {
    id: 'expired-code',
    title: 'Expired code',
    rule: 'A code older than 10 minutes is refused by HMRC, and the software then lets the user start the journey again without a server error or repeated attempts, because users do leave the journey half-way.',
    reference: 'HMRC Developer Hub: authorization codes expire after 10 minutes; RFC 6749 §4.1.2',
    fix: 'When the token request fails with 400, do not retry it: show that the link did not complete and offer to link again.',
  },
  {
    id: 'api-call-headers',
    title: 'API call headers',
    rule: 'API calls carry Authorization: Bearer <the access token HMRC issued> and a versioned Accept header (application/vnd.hmrc.<version>+json), because HMRC answers 401 or 406 otherwise.',
    reference: 'HMRC Developer Hub, reference guide: "Versioning" and "Authorisation"',
    fix: 'Send Authorization: Bearer <access_token> and Accept: application/vnd.hmrc.1.0+json (the API\'s version) on every call.',
  },
  {
    id: 'token-refresh',
    title: 'Token expiry and refresh rotation',
    rule: 'When the 4-hour access token expires the software refreshes it once and afterwards uses only the rotated refresh token, never the old one, because HMRC refresh tokens are single-use.',
    reference: 'HMRC Developer Hub: "Refreshing an access token" (refresh tokens can be used only once); RFC 6749 §6',
    fix: 'On 401 INVALID_CREDENTIALS POST /oauth/token with grant_type=refresh_token, then replace both stored tokens with the ones in the response before retrying the call.',
  },
  {
    id: 'lapsed-grant',
    title: 'Lapsed 18-month grant',
    rule: 'After the 18-month grant lapses, the refresh fails with invalid_grant and the software asks the user to link again instead of retrying or pretending to be linked, because only the user can grant authority again.',
    reference: 'HMRC Developer Hub: "after 18 months you can no longer refresh"; RFC 6749 §5.2 invalid_grant',
    fix: 'When the refresh answers 400 invalid_grant, delete the stored tokens and show "link your software to HMRC again".',
  },
  {
    id: 'revoked-authority',
    title: 'Revoked authority',
    rule: 'When the user removes the software\'s authority (401 on the API, then invalid_grant on refresh) the software asks the user to link again, because its tokens will never work again.',
    reference: 'HMRC Developer Hub: users can remove authority at any time; RFC 6749 §5.2',
    fix: 'Treat invalid_grant on refresh as "authority removed": delete the stored tokens and ask the user to link again.',
  },
  {
    id: 'client-not-authorised',
    title: 'Client or agent not authorised',
    rule: 'A 403 CLIENT_OR_AGENT_NOT_AUTHORISED (wrong taxpayer, or an agent the client has not authorised) is shown to the user and not retried or answered by refreshing, because no retry can fix it.',
    reference: 'MTD API error CLIENT_OR_AGENT_NOT_AUTHORISED; HMRC agent authorisation guide',
    fix: 'On 403 CLIENT_OR_AGENT_NOT_AUTHORISED stop, and tell the user that this taxpayer has not authorised them (agents: ask the client to authorise).',
  },
  {
    id: 'throttling',
    title: 'Throttling',
    rule: 'On 429 MESSAGE_THROTTLED_OUT the software backs off (at most two retries per user action) and keeps its tokens, because a retry storm only extends the throttling.',
    reference: 'HMRC reference guide, "Rate limiting": 3 requests per second per application',
    fix: 'On 429 wait (exponential back-off, honouring Retry-After if present) and retry a bounded number of times, then report "HMRC is busy".',
  },
  {
    id: 'server-errors',
    title: 'Server errors and unavailability',
    rule: 'On 500 or 503 from HMRC\'s APIs or token endpoint the software neither crashes (its own hooks answer no 5xx) nor retries more than twice, keeps its tokens and pending data, and works again once HMRC recovers, because outages are temporary.',
    reference: 'HMRC reference guide, "Errors": 500 INTERNAL_SERVER_ERROR, 503 SERVER_ERROR; RFC 6749 §5.2 temporarily_unavailable',
    fix: 'Catch HMRC\'s 5xx answers: do not answer the user with a 5xx of your own, do not delete tokens or unlink; show "HMRC is unavailable, try again later" and keep the user\'s data for the retry.',
  },
  {
    id: 'truthful-reporting',
    title: 'What the user is told is true',
    rule: 'What the software tells the user is true in every phase: "ok" and "linked" only when HMRC answered the call, and an error with a message while HMRC answers 500, 503 or 429, because software that hides outages lets users believe a return was sent when it was not.',
    reference: 'HMRC reference guide, "Errors" and "Rate limiting"; docs/conformance.md, "What the software reports"',
    fix: 'When HMRC answers 5xx or 429, answer the action with {"outcome": "error", "message": "…"} and show the state "error" with that message (not "linked") until a call succeeds again.',
  },
  {
    id: 'per-user-tokens',
    title: 'Each user\'s own token',
    rule: 'With two users linked at once (the taxpayer and an agent the taxpayer has authorised), each user\'s API calls carry the access token HMRC issued to that user, because a token is one user\'s authority and must never act for another.',
    reference: 'HMRC Developer Hub, "User-restricted endpoints": the access token is specific to the user who granted authority; RFC 6749 §1.4',
    fix: 'Store tokens per user (keyed by your own user or session, never one global token) and call HMRC for a user only with that user\'s token.',
  },
  {
    id: 'fraud-prevention-headers',
    title: 'Fraud prevention headers',
    rule: 'Every API call of the run, refreshes and retries included, carries every fraud prevention header the declared connection method requires, in the specification\'s formats, because they are required by law on every Making Tax Digital call and HMRC checks them.',
    reference: 'HMRC fraud prevention specification v3.3, "Connection methods" and header formats',
    fix: 'Build the headers in one place that every API call goes through (first calls, retries, calls after a refresh) and send Gov-Client-Connection-Method with the headers the specification lists for it; validate them with GET /test/fraud-prevention-headers/validate.',
  },
  {
    id: 'secrets-out-of-browser',
    title: 'Secrets and tokens kept from the browser',
    rule: 'Neither the client secret nor an access or refresh token ever reaches the user\'s browser: not in any URL (a parameter, state, the fragment), a redirect, a cookie or a page the software serves, because what the browser sees leaks into history, logs and referrers.',
    reference: 'HMRC Developer Hub, "User-restricted endpoints": "Do not include your client secret" in the authorization request; RFC 9700 §4.3 and §2.1.2 (no tokens in URLs)',
    fix: 'Keep the client secret and the tokens on your server (or in the desktop app\'s own storage): send the secret only in the token request, and show the user only whether they are linked.',
  },
] as const satisfies readonly CheckDefinition[];

export type CheckId = (typeof CHECKS)[number]['id'];

export const CHECK_IDS: readonly CheckId[] = CHECKS.map((c) => c.id);

export function findCheck(id: string): CheckDefinition | undefined {
  return CHECKS.find((c) => c.id === id);
}
