/**
 * The rules the reference vendor can be told to break (VENDOR_BREAK), one per broken variant. Each variant must fail
 * exactly the checks listed here and no other: test/conformance/broken-vendors.test.ts runs them all.
 */
export const BREAKS = [
  { id: 'unsubscribed-scope', breaks: 'also asks for write:self-assessment, although the application is subscribed only to the VAT API', fails: ['authorization-request'] },
  { id: 'fixed-state', breaks: 'always sends state=state', fails: ['state-parameter'] },
  { id: 'pkce-wrong-verifier', breaks: 'sends a code_verifier that does not match its challenge', fails: ['pkce'] },
  { id: 'exchange-wrong-redirect-uri', breaks: 'exchanges the code with another of its redirect URIs', fails: ['code-exchange'] },
  { id: 'replays-code', breaks: 'keeps the state after use, so a replayed callback sends its code again', fails: ['code-reuse'] },
  { id: 'ignores-state', breaks: 'accepts a callback whatever its state', fails: ['state-tampering'] },
  { id: 'denied-crashes', breaks: 'answers 500 when the user denies authority', fails: ['denied-grant'] },
  { id: 'expired-code-crashes', breaks: 'answers 500 when the code exchange fails', fails: ['expired-code'] },
  { id: 'no-accept-header', breaks: 'calls APIs without an Accept header', fails: ['api-call-headers'] },
  { id: 'missing-fraud-headers', breaks: 'leaves out Gov-Client-Device-ID and Gov-Vendor-Version', fails: ['fraud-prevention-headers'] },
  { id: 'no-refresh-rotation', breaks: 'keeps refreshing with the first refresh token', fails: ['token-refresh'] },
  { id: 'ignores-invalid-grant', breaks: 'retries the refresh after invalid_grant and still shows "linked"', fails: ['lapsed-grant', 'revoked-authority'] },
  { id: 'retries-forbidden', breaks: 'retries a 403 four times', fails: ['client-not-authorised'] },
  { id: 'retry-storm', breaks: 'retries a 429 ten times at once', fails: ['throttling'] },
  { id: 'unlinks-on-server-error', breaks: 'forgets its tokens when HMRC answers 5xx', fails: ['server-errors'] },
  { id: 'unlinks-on-token-unavailable', breaks: 'asks the user to link again when the token endpoint answers 503', fails: ['server-errors'] },
  { id: 'scope-misses-api', breaks: 'asks for write:vat only, although it reads VAT obligations (403 INVALID_SCOPE)', fails: ['authorization-request'] },
  { id: 'reset-keeps-tokens', breaks: 'its reset hook forgets pending links but keeps the tokens', fails: ['reset'] },
  { id: 'api-hook-crashes-on-server-error', breaks: 'answers the user\'s action with 500 when HMRC answers 5xx', fails: ['server-errors'] },
  { id: 'hides-outages', breaks: 'tells the user "ok" and stays "linked" when HMRC answers 5xx or 429', fails: ['truthful-reporting'] },
  { id: 'one-token-for-everyone', breaks: 'keeps one set of tokens for all its users (the last to link)', fails: ['per-user-tokens'] },
  { id: 'no-fraud-headers-after-refresh', breaks: 'sends no fraud prevention headers on calls retried after a refresh or a 429', fails: ['fraud-prevention-headers'] },
  { id: 'secret-in-state', breaks: 'puts the client secret inside the state parameter', fails: ['secrets-out-of-browser'] },
  { id: 'token-in-page', breaks: 'redirects the user after the callback to /linked#access_token=<the access token>', fails: ['secrets-out-of-browser'] },
] as const;

export type Break = (typeof BREAKS)[number]['id'];
