import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { readAccessCode, TEST_PHONE } from './access-code.js';
import { isAuthorizeUrl, isCallbackUrl, onEmulator, KIT_USER_AGENT, type Callback, type Landing, type OpenResult, type UserAgent, type UserAgentOptions } from './user-agent.js';

/** Debian's Chromium; override with CHROMIUM_PATH. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** One Chromium for the run, with a fresh profile directory; each check gets a fresh page and cookie jar. */
export interface BrowserHandle {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A real browser (Chromium through playwright-core), for software whose pages need JavaScript. HMRC's pages are
 * filled by field name (`userId`, `password`, `decision`). Navigations to a redirect URI are held (the page shows a
 * placeholder) so that a scenario can deliver, delay or tamper with the callback: every navigation to the emulator
 * is fetched with redirects off, and a redirect to a redirect URI is caught there.
 */
export class BrowserUserAgent implements UserAgent {
  private authorizeUrl: string | undefined;
  private held: string | undefined;
  private holding = true;

  private constructor(
    private readonly page: Page,
    private readonly options: UserAgentOptions,
  ) {}

  static async launchBrowser(): Promise<BrowserHandle> {
    const profile = mkdtempSync(join(tmpdir(), 'hmrc-conformance-chromium-'));
    // Loaded only when a browser is wanted: playwright-core is a development dependency and slow to load.
    const { chromium } = await import('playwright-core');
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, userAgent: KIT_USER_AGENT });
    return {
      context,
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  }

  static async create(handle: BrowserHandle, options: UserAgentOptions): Promise<BrowserUserAgent> {
    await handle.context.clearCookies();
    for (const old of handle.context.pages()) await old.close();
    const page = await handle.context.newPage();
    const ua = new BrowserUserAgent(page, options);
    await page.route('**/*', (route) => ua.intercept(route));
    page.on('request', (request) => ua.seen(request.url()));
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && !onEmulator(response.url(), options.emulatorUrl)) {
        void response.headerValue('set-cookie').then((cookies) => options.observe?.({ url: response.url(), cookies: cookies ? cookies.split('\n') : undefined }), () => undefined);
      }
    });
    return ua;
  }

  /** Records the first request to HMRC's authorization endpoint, redirect hops included. */
  seen(url: string): void {
    this.options.observe?.({ url });
    if (!this.authorizeUrl && isAuthorizeUrl(url, this.options.emulatorUrl)) this.authorizeUrl = url;
  }

  async open(url: string): Promise<OpenResult> {
    this.authorizeUrl = undefined;
    this.held = undefined;
    if (isCallbackUrl(url, this.options.redirectUris)) return { landing: await this.landing(0), callback: { kind: 'redirect', url } };
    const response = await this.page.goto(url, { waitUntil: 'load' });
    const landing = await this.landing(response?.status() ?? 0);
    return { landing, authorizeUrl: this.authorizeUrl, callback: this.held ? { kind: 'redirect', url: this.held } : undefined };
  }

  async authorise(user: { userId: string; password: string }, decision: 'grant' | 'deny'): Promise<Callback> {
    for (let step = 0; step < 12; step++) {
      if (this.held) return { kind: 'redirect', url: this.held };
      const title = await this.page.title();
      const oob = /^(code|error)=(.*)$/.exec(title);
      if (oob) {
        const shown = await this.page.locator('[data-testid="authorisation-code"]').first().textContent({ timeout: 500 }).catch(() => null);
        return oob[1] === 'code' ? { kind: 'out-of-band', code: shown?.trim() || oob[2] } : { kind: 'out-of-band', error: oob[2] };
      }
      const before = this.page.url();
      const navigation = this.page.waitForNavigation({ waitUntil: 'load', timeout: 10_000 });
      navigation.catch(() => undefined);
      const present = async (selector: string): Promise<boolean> => (await this.page.locator(selector).count()) > 0;
      const submit = (field: string): Promise<void> => this.page.locator(`form:has(${field}) [type="submit"], form:has(${field}) button:not([type])`).first().click();
      if (await present('input[name="userId"]')) {
        await this.page.fill('input[name="userId"]', user.userId);
        await this.page.fill('input[name="password"]', user.password);
        await submit('input[name="userId"]');
      } else if (await present(`button[name="decision"][value="${decision}"]`)) {
        await this.page.click(`button[name="decision"][value="${decision}"]`);
      } else if (await present('input[name="accessCode"]')) {
        await this.page.fill('input[name="accessCode"]', await readAccessCode(this.options, user.userId));
        await submit('input[name="accessCode"]');
      } else if (await present('input[name="method"][value="text"]')) {
        await this.page.check('input[name="method"][value="text"]');
        await submit('input[name="method"]');
      } else if (await present('input[name="phoneNumber"]')) {
        await this.page.fill('input[name="phoneNumber"]', TEST_PHONE);
        await submit('input[name="phoneNumber"]');
      } else if (await present('input[name="outcome"][value="success"]')) {
        await this.page.check('input[name="outcome"][value="success"]');
        await submit('input[name="outcome"]');
      } else if ((await this.page.locator('form [type="submit"], form button:not([type])').count()) === 1) {
        await this.page.locator('form [type="submit"], form button:not([type])').first().click();
      } else {
        throw new Error(`HMRC's journey stopped on "${title || before}" with nothing to submit`);
      }
      await navigation;
    }
    throw new Error("HMRC's journey did not finish within 12 pages");
  }

  async deliver(url: string): Promise<Landing> {
    this.holding = false;
    try {
      const response = await this.page.goto(url, { waitUntil: 'load' });
      return this.landing(response?.request().redirectedFrom() ? await firstStatus(response) : (response?.status() ?? 0));
    } finally {
      this.holding = true;
    }
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }

  /**
   * Navigations to the emulator are fetched here with redirects off and followed by hand while they stay on the
   * emulator, so that the redirect back to the software is seen (Chromium follows redirect hops without asking the
   * route handler) and can be held.
   */
  private async intercept(route: Route): Promise<void> {
    const request = route.request();
    const url = request.url();
    if (!request.isNavigationRequest()) return route.continue();
    if (this.holding && isCallbackUrl(url, this.options.redirectUris)) return this.hold(route, url);
    if (!onEmulator(url, this.options.emulatorUrl)) return route.continue();
    let response = await route.fetch({ maxRedirects: 0 });
    for (let hop = 0; hop < 15; hop++) {
      const location = response.headers().location;
      if (!location || response.status() < 300 || response.status() >= 400) break;
      const target = new URL(location, response.url()).toString();
      if (this.holding && isCallbackUrl(target, this.options.redirectUris)) return this.hold(route, target);
      if (!onEmulator(target, this.options.emulatorUrl)) return route.fulfill({ response });
      const { 'content-type': _type, 'content-length': _length, cookie: _cookie, ...headers } = request.headers();
      response = await route.fetch({ url: target, method: 'GET', headers, postData: '', maxRedirects: 0 });
    }
    return route.fulfill({ response });
  }

  private async hold(route: Route, url: string): Promise<void> {
    this.held = url;
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>Callback held by the conformance kit</title>' });
  }

  private async landing(status: number): Promise<Landing> {
    const landing = { status, firstStatus: status, url: this.page.url(), body: await this.page.content() };
    if (!onEmulator(landing.url, this.options.emulatorUrl)) this.options.observe?.({ url: landing.url, body: landing.body });
    return landing;
  }
}

async function firstStatus(response: Awaited<ReturnType<Page['goto']>>): Promise<number> {
  let request = response!.request();
  while (request.redirectedFrom()) request = request.redirectedFrom()!;
  return (await request.response())?.status() ?? response!.status();
}
