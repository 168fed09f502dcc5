import request from 'supertest';
import type { Emulator } from '../../emulator/app.js';
import { CLIENT_ID, csrfTokenOf, REDIRECT_URI } from '../support.js';

export interface Page {
  status: number;
  text: string;
  /** The page's path (`/oauth/interaction/<uid>`), when it is a journey page. */
  path: string;
  /** Where the journey left the emulator: the software's redirect URI with its query. */
  redirect?: string | undefined;
}

/**
 * A cookie-keeping browser over supertest for the journey: follows the emulator's own redirects,
 * stops at a page or at the redirect back to the software, and submits forms with their CSRF token.
 */
export class JourneyBrowser {
  readonly agent: ReturnType<typeof request.agent>;
  page: Page = { status: 0, text: '', path: '' };

  constructor(private readonly e: Emulator) {
    this.agent = request.agent(e.app);
  }

  async authorize(query: Record<string, string> = {}): Promise<Page> {
    const q = new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, scope: 'hello', redirect_uri: REDIRECT_URI, state: 'state-123', ...query });
    return this.get(`/oauth/authorize?${q.toString()}`);
  }

  async get(path: string): Promise<Page> {
    return this.follow(await this.agent.get(path), path);
  }

  /** Submits the current page's form `action` (`sign-in`, `grant`, `two-step/code`…) with its CSRF token. */
  async submit(action: string, fields: Record<string, string> = {}, options: { csrf?: string | null } = {}): Promise<Page> {
    const csrf = options.csrf === undefined ? csrfTokenOf(this.page.text) : options.csrf;
    const body = csrf === null ? fields : { csrfToken: csrf, ...fields };
    const path = `${this.page.path}/${action}`;
    return this.follow(await this.agent.post(path).type('form').send(body), path);
  }

  private async follow(res: request.Response, path: string): Promise<Page> {
    let current = res;
    let at = path;
    for (let hops = 0; hops < 20 && (current.status === 302 || current.status === 303); hops++) {
      const location = String(current.headers.location);
      const url = new URL(location, this.e.context.baseUrl);
      // supertest serves the app on 127.0.0.1:<random port>; the emulator's own redirects stay there.
      if (url.origin !== this.e.context.baseUrl && url.hostname !== '127.0.0.1') {
        this.page = { status: current.status, text: '', path: '', redirect: location };
        return this.page;
      }
      at = url.pathname + url.search;
      current = await this.agent.get(at);
    }
    const interaction = /^\/oauth\/interaction\/[^/?]+/.exec(at)?.[0];
    this.page = { status: current.status, text: current.text, path: interaction ?? this.page.path };
    return this.page;
  }
}

/** The page's `<title>`. */
export function titleOf(html: string): string {
  return /<title>([^<]*)<\/title>/.exec(html)?.[1]?.trim() ?? '';
}

/** The latest access code sent to a phone number. */
export async function latestCode(e: Emulator, to: string): Promise<string> {
  const messages = await e.context.messages.list({ to });
  const code = /\b(\d{6})\b/.exec(messages.at(-1)?.body ?? '')?.[1];
  if (!code) throw new Error(`no access code sent to ${to}`);
  return code;
}

/** The `code` (or `error…`) parameters of the redirect back to the software. */
export function redirectParams(page: Page): URLSearchParams {
  if (!page.redirect) throw new Error(`expected a redirect to the software, got ${page.status}: ${titleOf(page.text)}`);
  return new URL(page.redirect).searchParams;
}
