/** Plain HTTP to an emulator process, as software would send it. A request cut off by a kill rejects. */
export interface Reply {
  status: number;
  body: Record<string, unknown>;
  location: string | undefined;
  setCookies: string[];
}

export const JSON_V1 = 'application/vnd.hmrc.1.0+json';

export async function send(
  url: string,
  init: { method?: string; json?: unknown; form?: Record<string, string>; bearer?: string; accept?: string; cookie?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
  if (init.accept) headers.accept = init.accept;
  if (init.cookie) headers.cookie = init.cookie;
  const res = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, redirect: 'manual' });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed, location: res.headers.get('location') ?? undefined, setCookies: res.headers.getSetCookie() };
}

/** Cookies by name, whatever their path: enough for one journey through the emulator's redirects. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(setCookies: string[]): void {
    for (const header of setCookies) {
      const [pair] = header.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }

  header(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }
}
