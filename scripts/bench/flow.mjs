// One complete authorization-code flow by plain HTTP, as a browser would drive it:
// authorize → sign in → grant → token → /hello/user. The journey pages are read, not assumed: each
// page's form is found in the HTML, its hidden inputs (a CSRF token, say) are sent back, the user ID
// and password fields are filled, and the "grant" (or "continue") button is pressed.
import { URLSearchParams } from 'node:url';
import { form, send } from './http.mjs';

export const CLIENT_ID = 'LocalSandboxDefaultClientId0';
export const CLIENT_SECRET = '8c3f8a62-5b4e-4f1e-9d3a-2f6b7c1d0e9a';
export const REDIRECT_URI = 'http://localhost:3000/callback';
export const USER = { userId: 'user1', password: 'password1' };
export const JSON_V1 = 'application/vnd.hmrc.1.0+json';
const MAX_STEPS = 16;

/** The default application, as the README gives it. */
export const DEFAULT_CLIENT = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URI };

/**
 * Runs one flow; resolves true, or a string saying where it went wrong. Options: `user` (user1 by default),
 * `client` (`{ clientId, clientSecret, redirectUri }`, the default application by default), `timeoutMs` per request.
 */
export async function authorizationCodeFlow(target, agent, options = {}) {
  const token = await linkedToken(target, agent, options);
  if (!token.startsWith('token:')) return token;
  const hello = await send(target, { path: '/hello/user', agent, timeoutMs: options.timeoutMs, headers: { accept: JSON_V1, authorization: `Bearer ${token.slice(6)}` } });
  return hello.status === 200 ? true : `/hello/user: ${hello.status} ${hello.body.slice(0, 200)}`;
}

/** A user access token for the API figures, through one flow. */
export async function userAccessToken(target, agent, options = {}) {
  const token = await linkedToken(target, agent, options);
  if (!token.startsWith('token:')) throw new Error(`could not get a user token: ${token}`);
  return token.slice(6);
}

/** The journey, then the code exchanged; resolves `token:<access token>` or a reason. */
async function linkedToken(target, agent, { user = USER, client = DEFAULT_CLIENT, timeoutMs } = {}) {
  const code = await signInAndGrant(target, agent, user, client, timeoutMs);
  if (!code.startsWith('code:')) return code;
  const res = await send(target, {
    method: 'POST',
    path: '/oauth/token',
    agent,
    timeoutMs,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form({ grant_type: 'authorization_code', client_id: client.clientId, client_secret: client.clientSecret, redirect_uri: client.redirectUri, code: code.slice(5) }),
  });
  if (res.status !== 200) return `token: ${res.status} ${res.body.slice(0, 200)}`;
  return `token:${JSON.parse(res.body).access_token}`;
}

/** Drives the journey from the authorize request to the redirect back; resolves `code:<code>` or a reason. */
async function signInAndGrant(target, agent, user, client, timeoutMs) {
  const jar = new CookieJar();
  const query = new URLSearchParams({ response_type: 'code', client_id: client.clientId, scope: 'hello', redirect_uri: client.redirectUri, state: 'bench' });
  let request = { method: 'GET', path: `/oauth/authorize?${query}` };
  for (let step = 0; step < MAX_STEPS; step++) {
    const cookie = jar.header(request.path);
    const res = await send(target, { ...request, agent, timeoutMs, headers: { ...request.headers, ...(cookie ? { cookie } : {}) } });
    jar.store(res.headers['set-cookie'], request.path);
    if (res.status >= 300 && res.status < 400) {
      const location = String(res.headers.location ?? '');
      if (location.startsWith(client.redirectUri)) {
        const code = new URL(location).searchParams.get('code');
        return code ? `code:${code}` : `redirected back without a code: ${location}`;
      }
      const url = new URL(location, 'http://emulator.invalid');
      request = { method: 'GET', path: url.pathname + url.search };
    } else if (res.status === 200 && /html/.test(String(res.headers['content-type']))) {
      const next = submitPage(res.body, request.path, user);
      if (typeof next === 'string') return `${request.path}: ${next}`;
      request = next;
    } else {
      return `${request.method} ${request.path}: ${res.status} ${res.body.slice(0, 200)}`;
    }
  }
  return `no redirect back after ${MAX_STEPS} steps`;
}

/** The request a user would send from this page: its main form, filled in. */
function submitPage(html, currentPath, user) {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map(([, attrs, inner]) => ({ attrs: attributes(attrs), inner }));
  const chosen =
    forms.find((f) => /type\s*=\s*["']?password/i.test(f.inner)) ??
    forms.find((f) => /\bgrant\b/i.test(f.inner)) ??
    forms.find((f) => (f.attrs.method ?? 'get').toLowerCase() === 'post');
  if (!chosen) return 'no form on the page';
  const fields = [];
  const radios = new Map();
  for (const [, attrs] of chosen.inner.matchAll(/<input\b([^>]*)>/gi)) {
    const a = attributes(attrs);
    if (!a.name) continue;
    const type = (a.type ?? 'text').toLowerCase();
    if (type === 'radio') {
      if (!radios.has(a.name) || /grant|yes|allow|accept|continue/i.test(a.value ?? '')) radios.set(a.name, a.value ?? 'on');
    } else if (type === 'checkbox' || type === 'submit' || type === 'button' || type === 'image') {
      continue;
    } else if (type === 'password') fields.push([a.name, user.password]);
    else if (/user.?id|username/i.test(a.name)) fields.push([a.name, user.userId]);
    else fields.push([a.name, a.value ?? '']);
  }
  for (const entry of radios) fields.push(entry);
  const buttons = [...chosen.inner.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)].map(([, attrs, text]) => ({ ...attributes(attrs), text }));
  const press =
    buttons.find((b) => /grant|continue|sign in|confirm/i.test(`${b.value ?? ''} ${b.text}`) && !/do not|don.t|deny|cancel/i.test(`${b.value ?? ''} ${b.text}`)) ?? buttons[0];
  if (press?.name) fields.push([press.name, press.value ?? '']);
  const action = new URL(chosen.attrs.action || currentPath, `http://emulator.invalid${currentPath}`);
  const body = new URLSearchParams(fields).toString();
  if ((chosen.attrs.method ?? 'get').toLowerCase() !== 'post') {
    return { method: 'GET', path: `${action.pathname}?${body}` };
  }
  return { method: 'POST', path: action.pathname + action.search, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body };
}

function attributes(text) {
  const out = {};
  for (const [, name, a, b, c] of text.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    out[name.toLowerCase()] = decodeEntities(a ?? b ?? c ?? '');
  }
  return out;
}

function decodeEntities(text) {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Cookies by name and path, honouring deletion (Max-Age=0 or an Expires in the past). */
class CookieJar {
  cookies = new Map();

  store(setCookie, requestPath) {
    for (const line of setCookie ?? []) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = requestPath.split('?')[0].replace(/\/[^/]*$/, '') || '/';
      let expired = value === '';
      for (const attr of attrs) {
        const [k, v = ''] = attr.split('=').map((s) => s.trim());
        if (/^path$/i.test(k)) path = v || '/';
        else if (/^max-age$/i.test(k) && Number(v) <= 0) expired = true;
        else if (/^expires$/i.test(k) && Date.parse(v) < Date.now()) expired = true;
      }
      const key = `${name}\n${path}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  header(requestPath) {
    const path = requestPath.split('?')[0];
    return [...this.cookies.values()]
      .filter((c) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}
