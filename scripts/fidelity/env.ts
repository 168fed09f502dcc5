import type { SeededPersona } from '../../emulator/accounts/seed.js';
import type { ApplicationConfig } from '../../emulator/config/defaults.js';
import type { FidelityEnv, ProbeResponse, RequestInit } from './probe.js';

/**
 * The probes' view of the running emulator: plain HTTP with `fetch`, as vendor software would call it.
 * `userToken` drives the sandbox journey page by page (authorize → sign in → grant → redirect with a code →
 * token) with a cookie jar, following redirects by hand. It reads each page's forms rather than assuming their
 * markup, so hidden fields (e.g. a CSRF token) are sent back; only the form actions (`…/sign-in`, `…/grant`) and
 * field names (`userId`, `password`, `decision`) are relied on.
 */
const JSON_V1 = 'application/vnd.hmrc.1.0+json';

export function createFidelityEnv(baseUrl: string, specs: string, personas: SeededPersona[], app: ApplicationConfig): FidelityEnv {
  const clientSecret = app.clientSecrets[0]!;
  const redirectUri = app.redirectUris.find((u) => u.startsWith('http')) ?? app.redirectUris[0]!;

  async function token(form: Record<string, string>): Promise<string> {
    const res = await fetch(`${baseUrl}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
    const body = (await res.json()) as { access_token?: string };
    if (res.status !== 200 || !body.access_token) throw new Error(`token request (${form.grant_type}) failed: ${res.status} ${JSON.stringify(body)}`);
    return body.access_token;
  }

  return {
    baseUrl,
    specs,
    personas,
    persona(name) {
      const found = personas.find((p) => p.persona === name);
      if (!found) throw new Error(`no seeded persona "${name}" (have: ${personas.map((p) => p.persona).join(', ')})`);
      return found;
    },
    appToken: (scope) => token({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: clientSecret, ...(scope ? { scope } : {}) }),
    async userToken(userId, password, scope) {
      const code = await signInAndGrant(baseUrl, { clientId: app.clientId, redirectUri, userId, password, scope });
      return token({ grant_type: 'authorization_code', client_id: app.clientId, client_secret: clientSecret, redirect_uri: redirectUri, code });
    },
    request: (method, path, init) => call(baseUrl, method, path, init),
  };
}

async function call(baseUrl: string, method: string, path: string, init: RequestInit = {}): Promise<ProbeResponse> {
  const headers: Record<string, string> = { accept: init.accept ?? JSON_V1, ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(new URL(path, baseUrl), { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let parsed: unknown = text;
  if (/json/.test(res.headers.get('content-type') ?? '') && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

interface JourneyInput {
  clientId: string;
  redirectUri: string;
  userId: string;
  password: string;
  scope: string;
}

async function signInAndGrant(baseUrl: string, o: JourneyInput): Promise<string> {
  const cookies = new Map<string, string>();
  const send = async (url: string, form?: Record<string, string>): Promise<Response> => {
    const headers: Record<string, string> = { accept: 'text/html' };
    if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, { method: form ? 'POST' : 'GET', headers, body: form ? new URLSearchParams(form) : undefined, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      if (i > 0) cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    return res;
  };

  const query = new URLSearchParams({ response_type: 'code', client_id: o.clientId, scope: o.scope, redirect_uri: o.redirectUri, state: 'fidelity' });
  let url = `${baseUrl}/oauth/authorize?${query}`;
  let signedIn = false;
  for (let step = 0; step < 20; step++) {
    const res = await send(url);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location') ?? '', url).toString();
      if (url.startsWith(o.redirectUri)) {
        const params = new URL(url).searchParams;
        const code = params.get('code');
        if (!code) throw new Error(`journey ended without a code: ${url}`);
        return code;
      }
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`journey page ${url} answered ${res.status}: ${html.slice(0, 200)}`);
    const forms = parseForms(html);
    const signIn = forms.find((f) => /\/sign-in$/.test(f.action));
    const grant = forms.find((f) => /\/grant$/.test(f.action));
    let next: Response;
    let doing: string;
    if (signIn && !signedIn) {
      doing = `signing in as ${o.userId}`;
      next = await send(new URL(signIn.action, url).toString(), { ...signIn.hidden, userId: o.userId, password: o.password });
      signedIn = true;
    } else if (grant) {
      doing = 'granting authority';
      next = await send(new URL(grant.action, url).toString(), { ...grant.hidden, decision: 'grant' });
    } else {
      throw new Error(`journey page ${url} has no sign-in or grant form${signIn ? ' (sign-in failed: check the user ID and password)' : ''}`);
    }
    if (next.status < 300 || next.status >= 400) {
      throw new Error(`${doing} answered ${next.status}${next.status === 401 ? ' (wrong user ID or password, or the account is locked)' : ''}`);
    }
    url = new URL(next.headers.get('location') ?? '', url).toString();
    if (url.startsWith(o.redirectUri)) {
      const code = new URL(url).searchParams.get('code');
      if (!code) throw new Error(`journey ended without a code: ${url}`);
      return code;
    }
  }
  throw new Error('journey did not reach the redirect URI within 20 steps');
}

/** Each form's action and hidden fields (enough for the journey pages; not a general HTML parser). */
function parseForms(html: string): Array<{ action: string; hidden: Record<string, string> }> {
  const forms: Array<{ action: string; hidden: Record<string, string> }> = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const action = decodeEntities(attribute(match[1] ?? '', 'action') ?? '');
    const hidden: Record<string, string> = {};
    for (const input of (match[2] ?? '').matchAll(/<input\b([^>]*)>/gi)) {
      const attrs = input[1] ?? '';
      if ((attribute(attrs, 'type') ?? '').toLowerCase() !== 'hidden') continue;
      const name = attribute(attrs, 'name');
      if (name) hidden[decodeEntities(name)] = decodeEntities(attribute(attrs, 'value') ?? '');
    }
    forms.push({ action, hidden });
  }
  return forms;
}

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
