import { readAccessCode, TEST_PHONE } from './access-code.js';
import { parseForms, pageTitle, testIdText, type HtmlForm } from './html-forms.js';
import { isAuthorizeUrl, isCallbackUrl, KIT_USER_AGENT, onEmulator, type Callback, type Landing, type OpenResult, type UserAgent, type UserAgentOptions, viaEmulator } from './user-agent.js';

const MAX_REDIRECTS = 15;
const MAX_JOURNEY_STEPS = 12;

/**
 * A plain HTTP user agent: a cookie jar, redirects followed by hand (so callbacks can be caught), and HMRC's pages
 * filled by their form field names and actions (`userId`, `password`, `decision=grant|deny`, hidden inputs such as
 * CSRF tokens carried over). It runs no JavaScript.
 */
export class HttpUserAgent implements UserAgent {
  private readonly jar = new Map<string, Map<string, string>>();
  private current: Landing | undefined;

  constructor(private readonly options: UserAgentOptions) {}

  async open(url: string): Promise<OpenResult> {
    const { landing, authorizeUrl, callback } = await this.navigate(url, { stopAtCallback: true });
    this.current = landing;
    return { landing, authorizeUrl, callback };
  }

  async authorise(user: { userId: string; password: string }, decision: 'grant' | 'deny'): Promise<Callback> {
    for (let step = 0; step < MAX_JOURNEY_STEPS; step++) {
      const page = this.current;
      if (!page) throw new Error('the user agent has no page open: open the link first');
      const title = pageTitle(page.body);
      const oob = /^(code|error)=(.*)$/.exec(title);
      if (oob) return oob[1] === 'code' ? { kind: 'out-of-band', code: testIdText(page.body, 'authorisation-code') ?? oob[2] } : { kind: 'out-of-band', error: oob[2] };
      const forms = parseForms(page.body);
      const accessCode = forms.some((f) => f.inputNames.includes('accessCode')) ? await readAccessCode(this.options, user.userId) : undefined;
      const choice = chooseForm(forms, { ...user, accessCode }, decision);
      if (!choice) throw new Error(`HMRC's journey stopped on "${title || page.url}" (HTTP ${page.status}) with nothing to submit`);
      const target = new URL(choice.form.action || page.url, page.url).toString();
      const body = new URLSearchParams(choice.values).toString();
      const init: RequestInit =
        choice.form.method === 'POST'
          ? { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }
          : { method: 'GET' };
      const result = await this.navigate(choice.form.method === 'GET' ? `${target.split('?')[0]}?${body}` : target, { stopAtCallback: true, init });
      if (result.callback) return result.callback;
      this.current = result.landing;
    }
    throw new Error(`HMRC's journey did not finish within ${MAX_JOURNEY_STEPS} pages`);
  }

  async deliver(url: string): Promise<Landing> {
    const { landing } = await this.navigate(url, { stopAtCallback: false });
    this.current = landing;
    return landing;
  }

  async close(): Promise<void> {
    this.jar.clear();
  }

  private async navigate(start: string, o: { stopAtCallback: boolean; init?: RequestInit }): Promise<{ landing: Landing; authorizeUrl?: string; callback?: Callback }> {
    let url = start;
    let init: RequestInit = o.init ?? { method: 'GET' };
    let authorizeUrl: string | undefined;
    let firstStatus: number | undefined;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (hop > 0 && o.stopAtCallback && isCallbackUrl(url, this.options.redirectUris)) {
        this.options.observe?.({ url });
        return { landing: { status: 302, firstStatus: firstStatus ?? 302, url, body: '' }, authorizeUrl, callback: { kind: 'redirect', url } };
      }
      url = viaEmulator(url, this.options);
      if (!authorizeUrl && isAuthorizeUrl(url, this.options.emulatorUrl)) authorizeUrl = url;
      const res = await fetch(url, {
        ...init,
        redirect: 'manual',
        signal: AbortSignal.timeout(20_000),
        headers: { ...(init.headers as Record<string, string> | undefined), 'user-agent': KIT_USER_AGENT, accept: 'text/html,application/json;q=0.9,*/*;q=0.8', ...this.cookieHeader(url) },
      });
      firstStatus ??= res.status;
      const setCookies = res.headers.getSetCookie();
      this.store(url, setCookies);
      const location = res.headers.get('location');
      const software = !onEmulator(url, this.options.emulatorUrl);
      if (res.status >= 300 && res.status < 400 && location) {
        this.options.observe?.({ url, cookies: software ? setCookies : undefined });
        await res.arrayBuffer();
        url = new URL(location, url).toString();
        init = res.status === 307 || res.status === 308 ? init : { method: 'GET' };
        continue;
      }
      const body = await res.text();
      this.options.observe?.({ url, body: software ? body : undefined, cookies: software ? setCookies : undefined });
      return { landing: { status: res.status, firstStatus, url, body }, authorizeUrl };
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects from ${start}`);
  }

  private cookieHeader(url: string): Record<string, string> {
    const cookies = this.jar.get(new URL(url).host);
    if (!cookies?.size) return {};
    return { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  private store(url: string, setCookies: string[]): void {
    const host = new URL(url).host;
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      if (eq < 1) continue;
      const name = pair!.slice(0, eq).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a) || (/^\s*expires\s*=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.parse('2000-01-01')));
      if (expired) cookies.delete(name);
      else cookies.set(name, pair!.slice(eq + 1).trim());
    }
    this.jar.set(host, cookies);
  }
}

/**
 * Picks what a user would do on this page, by field names (docs/journey.md): sign in, grant or deny, pass 2-step
 * verification (text message, a test phone number, the access code) and identity checks, or press the page's
 * only button (the production start page).
 */
function chooseForm(
  forms: HtmlForm[],
  user: { userId: string; password: string; accessCode?: string | undefined },
  decision: 'grant' | 'deny',
): { form: HtmlForm; values: Array<[string, string]> } | undefined {
  const carried = (f: HtmlForm, typed: Record<string, string>): Array<[string, string]> => {
    const values: Array<[string, string]> = f.fields.filter((x) => !(x.name in typed)).map((x) => [x.name, x.value]);
    values.push(...Object.entries(typed));
    const button = f.buttons.find((b) => !(b.name in typed));
    if (button) values.push([button.name, button.value]);
    return values;
  };
  const has = (name: string): HtmlForm | undefined => forms.find((f) => f.inputNames.includes(name));
  const signIn = forms.find((f) => f.inputNames.includes('userId') && f.inputNames.includes('password'));
  if (signIn) return { form: signIn, values: carried(signIn, { userId: user.userId, password: user.password }) };
  const grant = forms.find((f) => f.buttons.some((b) => b.name === 'decision') || f.fields.some((x) => x.name === 'decision'));
  if (grant) return { form: grant, values: carried(grant, { decision }) };
  const code = has('accessCode');
  if (code && user.accessCode) return { form: code, values: carried(code, { accessCode: user.accessCode }) };
  const method = has('method');
  if (method) return { form: method, values: carried(method, { method: 'text' }) };
  const phone = has('phoneNumber');
  if (phone) return { form: phone, values: carried(phone, { phoneNumber: TEST_PHONE }) };
  const identity = has('outcome');
  if (identity) return { form: identity, values: carried(identity, { outcome: 'success' }) };
  const only = forms.filter((f) => f.method === 'POST' || f.action);
  if (only.length === 1) return { form: only[0]!, values: carried(only[0]!, {}) };
  return undefined;
}
