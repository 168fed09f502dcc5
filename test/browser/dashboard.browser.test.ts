import type { Page } from 'playwright-core';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../chromium.js';
import { addAccount, CLIENT_ID, CLIENT_SECRET, emulator, JSON_V1 } from '../support.js';
import { addAgent, addIndividual } from '../http/sign-up-support.js';
import { check, openBrowser, serve } from './browser-support.js';

/**
 * The QA dashboard at /_emulator/ in Debian's Chromium: every panel read and driven through the control API, with
 * no accessibility violations (axe-core) and nothing reflected as HTML.
 */
const HOSTILE = '<img src=x onerror="window.__xss=1">Eve';
const TOKEN = 'dashboard-browser-token-0123456789';

async function ready(page: Page): Promise<void> {
  await page.locator('[data-testid="dashboard"][data-ready="true"]').waitFor();
}

describe.skipIf(!hasChromium)('the QA dashboard in a real browser', () => {
  it('shows and drives the clock, presets, faults, journal and messages through the control API, with no accessibility violations', async () => {
    const { origin, server, emulator: e } = await serve((baseUrl) => emulator({ baseUrl }));
    await addAccount(e, { userId: '700000000001', affinityGroup: 'Individual', userFullName: HOSTILE });
    await addAgent(e);
    await addIndividual(e);
    const signUp = await request(e.app).post('/_emulator/sign-ups').send({ agentUserId: '900000000001', nino: 'PE938808A', postcode: 'TS1 1PA', businessEmail: 'ida@business.example' });
    expect(signUp.status).toBe(201);
    await e.context.messages.send({ channel: 'email', to: 'qa@example.com', subject: '<b>Not bold</b>', body: 'javascript:alert(1)', links: ['javascript:alert(1)'] });
    const { context, page } = await openBrowser();
    const control: string[] = [];
    page.on('request', (r) => void (new URL(r.url()).pathname.startsWith('/_emulator/') && control.push(`${r.method()} ${new URL(r.url()).pathname}`)));
    try {
      await page.goto(`${origin}/_emulator/`);
      await ready(page);
      await expect(page.title()).resolves.toBe('Dashboard - HMRC local sandbox - GOV.UK');
      await check(page, 'dashboard-01-loaded');

      // Credentials: applications with their secrets, accounts with their passwords.
      await expect(page.getByTestId('application-row').first().textContent()).resolves.toContain(CLIENT_SECRET);
      const user1 = page.getByTestId('account-row').filter({ hasText: 'password1' }).first();
      await expect(user1.textContent()).resolves.toContain('user1');
      // Reflected as text, never as HTML.
      await expect(page.getByTestId('accounts').textContent()).resolves.toContain(HOSTILE);
      expect(await page.locator('[data-testid="dashboard"] img').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();

      // The clock, moved by each button.
      const now = page.getByTestId('clock-now');
      await expect(now.textContent()).resolves.toBe('2026-01-15T09:00:00.000Z');
      for (const [by, expected] of [
        ['PT10M', '2026-01-15T09:10:00.000Z'],
        ['PT4H', '2026-01-15T13:10:00.000Z'],
        ['P3D', '2026-01-18T13:10:00.000Z'],
        ['P18M', '2027-07-12T13:10:00.000Z'],
      ] as const) {
        await page.getByTestId(`advance-${by}`).click();
        await now.filter({ hasText: expected }).waitFor();
      }
      expect((await request(e.app).get('/_emulator/clock')).body.now).toBe('2027-07-12T13:10:00.000Z');

      // A journey preset and a fault, switched on from their forms.
      await page.locator('#preset-outcome').selectOption('deny');
      await page.locator('#preset-client').selectOption(CLIENT_ID);
      await page.getByTestId('add-preset').click();
      await page.getByTestId('preset-row').waitFor();
      expect((await request(e.app).get('/_emulator/journeys/presets')).body.presets).toEqual([expect.objectContaining({ outcome: 'deny', clientId: CLIENT_ID, auto: false })]);
      await page.locator('#fault-id').selectOption('api-throttled');
      await page.locator('#fault-times').selectOption('always');
      await page.getByTestId('add-fault').click();
      await page.getByTestId('fault-row').waitFor();
      expect((await request(e.app).get('/_emulator/faults')).body.active).toEqual([{ id: 'api-throttled' }]);
      await check(page, 'dashboard-02-preset-and-fault');
      await page.getByTestId('clear-faults').click();
      await page.getByTestId('fault-empty').waitFor();
      await page.getByTestId('clear-presets').click();
      await page.getByTestId('preset-empty').waitFor();

      // The live journal: a request made elsewhere appears; the path filter narrows it.
      expect((await request(e.app).get('/hello/world').set('Accept', JSON_V1)).status).toBe(200);
      await page.getByTestId('journal-row').filter({ hasText: '/hello/world' }).waitFor();
      await page.locator('#journal-path').fill('/oauth');
      await page.getByTestId('filter-journal').click();
      await page.getByTestId('journal-empty').waitFor();
      await page.locator('#journal-path').fill('/hello');
      await page.getByTestId('filter-journal').click();
      await page.getByTestId('journal-row').filter({ hasText: '/hello/world' }).waitFor();

      // Mailbox and outbox: real links work, anything else stays text.
      const messages = page.getByTestId('messages');
      await expect(messages.textContent()).resolves.toContain('<b>Not bold</b>');
      expect(await messages.locator('a[href^="javascript:"]').count()).toBe(0);
      const verify = messages.locator('a[href*="/verify"], a[href*="verification"], a[href*="email"]').first();
      const href = (await verify.getAttribute('href'))!;
      expect(href).toMatch(/^http:\/\//);
      await check(page, 'dashboard-03-journal-and-messages');
      await verify.click();
      await page.waitForURL(href);
      await expect(page.title()).resolves.toContain('GOV.UK');

      // Only control-API endpoints of the document were called.
      const documented = Object.keys((await request(e.app).get('/_emulator/openapi.json')).body.paths as object);
      const patterns = documented.map((p) => new RegExp(`^/_emulator${p.replace(/\{\w+\}/g, '[^/]+')}$`));
      expect(control.filter((c) => !patterns.some((p) => p.test(c.split(' ')[1]!)))).toEqual([]);
    } finally {
      await context.close();
      server.close();
    }
  }, 120_000);

  it('asks for the control token once, then works on an HttpOnly session cookie, with no accessibility violations', async () => {
    const e = await emulator({ control: { token: TOKEN } });
    const { origin, server } = await serve(e);
    const { context, page } = await openBrowser();
    try {
      await page.goto(`${origin}/_emulator/`);
      await expect(page.title()).resolves.toBe('Sign in to the dashboard - HMRC local sandbox - GOV.UK');
      await check(page, 'dashboard-04-sign-in');
      await page.getByTestId('token').fill('not-the-token');
      await page.getByTestId('sign-in').click();
      await expect(page.title()).resolves.toBe('Error: Sign in to the dashboard - HMRC local sandbox - GOV.UK');
      await check(page, 'dashboard-05-sign-in-error');
      await page.getByTestId('token').fill(TOKEN);
      await page.getByTestId('sign-in').click();
      await ready(page);
      expect(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).not.toContain('hmrc-sandbox-control');
      await page.getByTestId('advance-PT10M').click();
      await page.getByTestId('clock-now').filter({ hasText: '2026-01-15T09:10:00.000Z' }).waitFor();
      // A script on the page that leaves out the CSRF token is refused, though the cookie goes with it.
      const bare = await page.evaluate(async () => (await fetch('/_emulator/reset', { method: 'POST' })).status);
      expect(bare).toBe(403);
      await page.getByTestId('sign-out').click();
      await expect(page.title()).resolves.toBe('Sign in to the dashboard - HMRC local sandbox - GOV.UK');
      expect((await page.request.get(`${origin}/_emulator/accounts`)).status()).toBe(401);
    } finally {
      await context.close();
      server.close();
    }
  }, 120_000);
});
