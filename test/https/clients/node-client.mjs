// A Node.js client that hard-codes HMRC's sandbox URL, as real software does. It reaches the emulator through
// HTTPS_PROXY (undici's EnvHttpProxyAgent) and trusts its CA through NODE_EXTRA_CA_CERTS: nothing else is changed.
// Env: CLIENT_ID, CLIENT_SECRET, USER_ID, PASSWORD, VRN, FROM, TO (the obligations asked for). Prints one JSON line per step.
import { EnvHttpProxyAgent, fetch } from 'undici';

const BASE = 'https://test-api.service.hmrc.gov.uk';
const REDIRECT_URI = 'http://localhost:3000/callback';
const dispatcher = new EnvHttpProxyAgent();
const cookies = new Map();
const env = process.env;

async function call(url, init = {}) {
  const headers = { ...(init.headers ?? {}), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  const res = await fetch(url, { ...init, headers, redirect: 'manual', dispatcher });
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return res;
}

const report = (step, value) => console.log(JSON.stringify({ step, ...value }));

try {
  const query = new URLSearchParams({ response_type: 'code', client_id: env.CLIENT_ID, scope: 'hello read:vat', redirect_uri: REDIRECT_URI, state: 'node-1' });
  let url = `${BASE}/oauth/authorize?${query}`;
  let init = {};
  let code;
  for (let hops = 0; hops < 20 && !code; hops++) {
    const res = await call(url, init);
    init = {};
    const location = res.headers.get('location');
    if (location) {
      await res.arrayBuffer();
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URI)) code = next.searchParams.get('code');
      else url = next.href;
      continue;
    }
    const html = await res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !csrfToken) throw new Error(`no form on ${url} (${res.status})`);
    const fields = action.endsWith('/sign-in') ? { userId: env.USER_ID, password: env.PASSWORD } : { decision: 'grant' };
    url = new URL(action, url).href;
    init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrfToken, ...fields }).toString() };
  }
  report('link', { code: Boolean(code) });
  const token = await call(`${BASE}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: env.CLIENT_ID, client_secret: env.CLIENT_SECRET, grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI }).toString(),
  });
  const tokens = await token.json();
  report('token', { status: token.status, tokenType: tokens.token_type });
  const accept = 'application/vnd.hmrc.1.0+json';
  const world = await call(`${BASE}/hello/world`, { headers: { accept } });
  report('hello-world', { status: world.status, body: await world.json() });
  const user = await call(`${BASE}/hello/user`, { headers: { accept, authorization: `Bearer ${tokens.access_token}` } });
  report('hello-user', { status: user.status, body: await user.json() });
  const vat = await call(`${BASE}/organisations/vat/${env.VRN}/obligations?from=${env.FROM}&to=${env.TO}`, { headers: { accept, authorization: `Bearer ${tokens.access_token}` } });
  report('vat-obligations', { status: vat.status, body: await vat.json() });
} catch (e) {
  report('error', { message: String(e?.cause?.code ?? e?.cause?.message ?? e?.message ?? e) });
  process.exitCode = 1;
}
