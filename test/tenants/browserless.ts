/**
 * A small cookie-keeping HTTP client that goes through HMRC's pages the way a person would, following redirects
 * and submitting each page's form as it is (its action, its hidden fields), signing in and granting. It honours
 * cookies' `Path`, so it shows whether a tenant's cookies stay under the tenant's prefix.
 */
export class PageClient {
  private readonly cookies: Array<{ name: string; value: string; path: string }> = [];

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const path = new URL(url).pathname;
    const cookie = this.cookies.filter((c) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)).map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    for (const set of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = set.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const cookiePath = attrs.map((a) => /^\s*path=(.*)$/i.exec(a)?.[1]).find(Boolean) ?? '/';
      const i = this.cookies.findIndex((c) => c.name === name && c.path === cookiePath);
      if (i >= 0) this.cookies.splice(i, 1);
      if (!/expires=Thu, 01 Jan 1970/i.test(set)) this.cookies.push({ name, value: pair.slice(at + 1).trim(), path: cookiePath });
    }
    return res;
  }

  /** Every cookie path the client holds. */
  cookiePaths(): string[] {
    return this.cookies.map((c) => c.path);
  }

  /** From the authorize URL to the redirect back to `redirectUri`: signs in as `userId` and grants. */
  async link(authorizeUrl: string, redirectUri: string, user: { userId: string; password: string }): Promise<URL> {
    let url = authorizeUrl;
    let init: RequestInit = {};
    for (let step = 0; step < 20; step++) {
      const res = await this.fetch(url, init);
      init = {};
      const location = res.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (next.href.startsWith(redirectUri)) return next;
        url = next.href;
        continue;
      }
      const html = await res.text();
      const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
      if (!form) throw new Error(`stopped at ${url} (HTTP ${res.status}) with no form`);
      const fields = new URLSearchParams();
      for (const m of form[2]!.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields.set(m[1]!, m[2]!.replaceAll('&amp;', '&'));
      if (/name="userId"/.test(form[2]!)) {
        fields.set('userId', user.userId);
        fields.set('password', user.password);
      }
      if (/name="decision"/.test(form[2]!)) fields.set('decision', 'grant');
      url = new URL(form[1]!.replaceAll('&amp;', '&'), url).href;
      init = { method: 'POST', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    }
    throw new Error('the journey did not finish in 20 steps');
  }
}
