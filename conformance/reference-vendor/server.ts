import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { BREAKS, type Break } from '../broken-vendors/variants.js';

/**
 * The reference vendor: a small web app that links to HMRC the way HMRC asks, and passes every conformance check.
 * It runs as its own process, configured by environment (the kit sets HMRC_*):
 *
 *   PORT, HMRC_BASE_URL, HMRC_CLIENT_ID, HMRC_CLIENT_SECRET, HMRC_REDIRECT_URIS (space-separated; the first is used),
 *   HMRC_VRN (the business it keeps VAT records for: it then reads VAT obligations, else Hello User),
 *   VENDOR_BREAK: comma-separated rules to break, one per broken variant (see ../broken-vendors/variants.ts).
 *
 * Routes: GET /link (start), GET /callback, POST /call (call the API), GET /status, POST /reset, GET /health.
 * /link, /call and /status take `?user=<key>` (the contract's `{user}`): each user has their own tokens.
 */
type LinkState = 'linked' | 'not-linked' | 'must-link-again' | 'error';

interface Pending {
  verifier: string;
  redirectUri: string;
  user: string;
}

/** One user's link: their tokens and what they see. */
interface UserState {
  tokens?: { access: string; refresh: string; originalRefresh: string } | undefined;
  status: LinkState;
  message: string;
}

function main(): void {
  const env = process.env;
  const base = required(env, 'HMRC_BASE_URL');
  const clientId = required(env, 'HMRC_CLIENT_ID');
  const clientSecret = required(env, 'HMRC_CLIENT_SECRET');
  const redirectUris = required(env, 'HMRC_REDIRECT_URIS').split(' ');
  const breaks = new Set((env.VENDOR_BREAK ?? '').split(',').filter(Boolean) as Break[]);
  for (const b of breaks) if (!BREAKS.some((x) => x.id === b)) throw new Error(`unknown VENDOR_BREAK ${b}; known: ${BREAKS.map((x) => x.id).join(', ')}`);
  const vrn = env.HMRC_VRN;
  const scope = vrn ? 'read:vat' : 'hello';
  const deviceId = 'beec798b-b366-47fa-b1f8-92cede14a1ce';
  const pending = new Map<string, Pending>();
  const users = new Map<string, UserState>();
  /** A user's state; the broken `one-token-for-everyone` variant keeps one for all. */
  const userState = (key: string): UserState => {
    const id = breaks.has('one-token-for-everyone') ? 'everyone' : key;
    if (!users.has(id)) users.set(id, { status: 'not-linked', message: '' });
    return users.get(id)!;
  };
  // Node's own fetch ignores HTTPS_PROXY; with hard-coded HMRC hosts the kit sets it, so go through undici's agent.
  const http: Promise<typeof fetch> = env.HTTPS_PROXY
    ? import('undici').then(({ fetch: proxiedFetch, EnvHttpProxyAgent }) => {
        const dispatcher = new EnvHttpProxyAgent();
        return ((url: string, init?: RequestInit) => proxiedFetch(url, { ...(init as object), dispatcher })) as unknown as typeof fetch;
      })
    : Promise.resolve(fetch);
  const send: typeof fetch = async (url, init) => (await http)(url, init);

  const token = async (form: Record<string, string>): Promise<{ status: number; body: Record<string, string> }> => {
    const res = await send(`${base}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, client_id: clientId, client_secret: clientSecret }),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, string> };
  };

  const link = (res: ServerResponse, user: string): void => {
    const random = randomBytes(24).toString('base64url');
    const stateValue = breaks.has('fixed-state') ? 'state' : breaks.has('secret-in-state') ? `${random}.${clientSecret}` : random;
    const verifier = randomBytes(32).toString('base64url');
    pending.set(stateValue, { verifier, redirectUri: redirectUris[0]!, user });
    const url = new URL(`${base}/oauth/authorize`);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', clientId);
    url.searchParams.set('scope', breaks.has('unsubscribed-scope') ? `${scope} write:self-assessment` : breaks.has('scope-misses-api') && vrn ? 'write:vat' : scope);
    url.searchParams.set('state', stateValue);
    url.searchParams.set('redirect_uri', redirectUris[0]!);
    url.searchParams.set('code_challenge', createHash('sha256').update(verifier).digest('base64url'));
    url.searchParams.set('code_challenge_method', 'S256');
    res.writeHead(302, { location: url.toString() }).end();
  };

  const callback = async (url: URL, res: ServerResponse): Promise<void> => {
    const q = url.searchParams;
    const stateValue = q.get('state') ?? '';
    let started = pending.get(stateValue);
    if (!started && breaks.has('ignores-state')) started = [...pending.values()].at(-1);
    if (!started) return page(res, 400, 'This link is not recognised', 'Start linking your software to HMRC again.');
    if (!breaks.has('replays-code')) pending.delete(stateValue);
    const state = userState(started.user);
    const set = setter(state);
    if (q.get('error')) {
      if (breaks.has('denied-crashes')) throw new Error(`unexpected callback ${q.get('error')}`);
      set('not-linked', 'You did not grant authority, so the software is not linked to HMRC.');
      return page(res, 200, 'Not linked', state.message);
    }
    const verifier = breaks.has('pkce-wrong-verifier') ? randomBytes(32).toString('base64url') : started.verifier;
    const redirectUri = breaks.has('exchange-wrong-redirect-uri') ? redirectUris[1] ?? 'http://localhost/other' : started.redirectUri;
    const exchanged = await token({ grant_type: 'authorization_code', code: q.get('code') ?? '', redirect_uri: redirectUri, code_verifier: verifier });
    if (exchanged.status !== 200) {
      if (breaks.has('expired-code-crashes')) throw new Error(`token exchange failed: ${exchanged.status}`);
      if (!state.tokens) set('not-linked', 'The link did not complete. Start again.');
      return page(res, 400, 'The link did not complete', 'Start linking your software to HMRC again.');
    }
    state.tokens = { access: exchanged.body.access_token!, refresh: exchanged.body.refresh_token!, originalRefresh: exchanged.body.refresh_token! };
    set('linked', 'Your software is linked to HMRC.');
    if (breaks.has('token-in-page')) return void res.writeHead(302, { location: `/linked#access_token=${state.tokens.access}` }).end();
    page(res, 200, 'Linked', state.message);
  };

  const fraudHeaders = (): Record<string, string> => {
    const headers: Record<string, string> = {
      'Gov-Client-Connection-Method': 'WEB_APP_VIA_SERVER',
      'Gov-Client-Browser-JS-User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      'Gov-Client-Device-ID': deviceId,
      'Gov-Client-Multi-Factor': `type=TOTP&timestamp=${encodeURIComponent(new Date().toISOString().slice(0, 16))}Z&unique-reference=${createHash('sha256').update('user-1').digest('hex')}`,
      'Gov-Client-Public-IP': '198.51.100.7',
      'Gov-Client-Public-IP-Timestamp': new Date().toISOString(),
      'Gov-Client-Public-Port': '52144',
      'Gov-Client-Screens': 'width=1920&height=1080&scaling-factor=1&colour-depth=24',
      'Gov-Client-Timezone': 'UTC+00:00',
      'Gov-Client-User-IDs': 'reference-vendor=user-1',
      'Gov-Client-Window-Size': 'width=1256&height=803',
      'Gov-Vendor-Forwarded': 'by=203.0.113.6&for=198.51.100.7',
      'Gov-Vendor-License-IDs': `reference-vendor=${createHash('sha256').update('licence-1').digest('hex')}`,
      'Gov-Vendor-Product-Name': 'HMRC%20Sandbox%20Reference%20Vendor',
      'Gov-Vendor-Public-IP': '203.0.113.6',
      'Gov-Vendor-Version': 'reference-vendor-frontend=1.0.0&reference-vendor-server=1.0.0',
    };
    if (breaks.has('missing-fraud-headers')) {
      delete headers['Gov-Client-Device-ID'];
      delete headers['Gov-Vendor-Version'];
    }
    return headers;
  };

  const hello = async (state: UserState, retry = false): Promise<Response> => {
    const fraud = retry && breaks.has('no-fraud-headers-after-refresh') ? {} : fraudHeaders();
    const headers: Record<string, string> = { ...fraud, authorization: `Bearer ${state.tokens!.access}` };
    if (!breaks.has('no-accept-header')) headers.accept = 'application/vnd.hmrc.1.0+json';
    return send(vrn ? `${base}/organisations/vat/${vrn}/obligations?status=O` : `${base}/hello/user`, { headers });
  };

  /** Refreshes once; false when HMRC says the grant is gone (the user must link again). */
  const refresh = async (state: UserState): Promise<'ok' | 'invalid-grant' | 'error'> => {
    const attempts = breaks.has('ignores-invalid-grant') ? 3 : 1;
    for (let i = 0; i < attempts; i++) {
      const current = breaks.has('no-refresh-rotation') ? state.tokens!.originalRefresh : state.tokens!.refresh;
      const r = await token({ grant_type: 'refresh_token', refresh_token: current });
      if (r.status === 200) {
        state.tokens = { ...state.tokens!, access: r.body.access_token!, refresh: r.body.refresh_token! };
        return 'ok';
      }
      if (r.status >= 500 && !breaks.has('unlinks-on-token-unavailable')) return 'error';
    }
    if (breaks.has('ignores-invalid-grant')) return 'error';
    state.tokens = undefined;
    setter(state)('must-link-again', 'HMRC no longer accepts your authority: link your software to HMRC again.');
    return 'invalid-grant';
  };

  const call = async (res: ServerResponse, user: string): Promise<void> => {
    const state = userState(user);
    const set = setter(state);
    if (!state.tokens) return json(res, 200, { outcome: state.status === 'must-link-again' ? 'must-link-again' : 'not-linked', message: 'Link your software to HMRC first.' });
    let response = await hello(state);
    if (response.status === 401) {
      const refreshed = await refresh(state);
      if (refreshed === 'invalid-grant') return json(res, 200, { outcome: 'must-link-again', message: state.message });
      if (refreshed === 'error') {
        set('error', 'Could not renew access to HMRC; try again later.');
        return json(res, 200, { outcome: 'error', message: state.message });
      }
      response = await hello(state, true);
    }
    const retries = response.status === 429 ? (breaks.has('retry-storm') ? 10 : 2) : response.status === 403 && breaks.has('retries-forbidden') ? 4 : 0;
    for (let i = 0; i < retries && (response.status === 429 || response.status === 403); i++) {
      await new Promise((r) => setTimeout(r, breaks.has('retry-storm') ? 0 : 50 * 2 ** i));
      response = await hello(state, true);
    }
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    if (response.ok) {
      set('linked', 'Your software is linked to HMRC.');
      return json(res, 200, { outcome: 'ok', message: body.message });
    }
    const outage = response.status === 429 || response.status >= 500;
    if (outage && breaks.has('hides-outages')) return json(res, 200, { outcome: 'ok', message: 'Done.' });
    if (response.status >= 500 && breaks.has('api-hook-crashes-on-server-error')) throw new Error(`HMRC answered ${response.status}`);
    if (response.status === 429) {
      set('error', 'HMRC is busy; try again in a minute.');
      return json(res, 200, { outcome: 'error', message: state.message });
    }
    if (response.status === 403) {
      set('error', `HMRC says you are not authorised for this taxpayer (${body.code ?? 403}).`);
      return json(res, 200, { outcome: 'error', message: state.message });
    }
    if (response.status >= 500 && breaks.has('unlinks-on-server-error')) {
      state.tokens = undefined;
      set('not-linked', 'Link your software to HMRC.');
    } else set('error', `HMRC could not answer (${response.status} ${body.code ?? ''}); your data is kept, try again later.`);
    return json(res, 200, { outcome: 'error', message: `HMRC could not answer (${response.status} ${body.code ?? ''}); your data is kept, try again later.` });
  };

  const setter = (state: UserState) => (status: LinkState, message: string): void => {
    state.status = status;
    state.message = message;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    const handle = async (): Promise<void> => {
      if (route === 'GET /health') return json(res, 200, { status: 'ok' });
      const user = url.searchParams.get('user') ?? 'user';
      if (route === 'GET /link') return link(res, user);
      if (route === 'GET /linked') return page(res, 200, 'Linked', 'Your software is linked to HMRC.');
      if (req.method === 'GET' && redirectUris.some((r) => new URL(r).pathname === url.pathname)) return callback(url, res);
      if (route === 'POST /call') return call(res, user);
      if (route === 'GET /status') return json(res, 200, { state: userState(user).status, message: userState(user).message });
      if (route === 'POST /reset') {
        pending.clear();
        if (!breaks.has('reset-keeps-tokens')) users.clear();
        return json(res, 200, { state: 'not-linked' });
      }
      json(res, 404, { error: 'not found' });
    };
    handle().catch((e: Error) => {
      if (!res.headersSent) page(res, 500, 'Something went wrong', e.message);
    });
  });
  server.listen(Number(env.PORT ?? 3000), '127.0.0.1');
  const stop = (): void => void server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function page(res: ServerResponse, status: number, title: string, text: string): void {
  const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(`<!DOCTYPE html><title>${esc(title)}</title><h1>${esc(title)}</h1><p>${esc(text)}</p><p><a href="/link">Link to HMRC</a></p>`);
}

main();
