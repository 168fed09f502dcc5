import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../chromium.js';
import { addAccount, authorize, CLIENT_ID, CLIENT_SECRET, emulator, exchange, JSON_V1, TEST_PASSWORD } from '../support.js';
import { check, openBrowser, serve } from './browser-support.js';

/**
 * Clicks through Manage your authorised software in Debian's Chromium (playwright-core): sign in (a wrong password
 * first), the list, the confirmation, the done page; a screenshot and axe-core on each page, with JavaScript on and
 * off. Afterwards the software's tokens no longer work.
 */
describe.skipIf(!hasChromium)('Manage your authorised software in a real browser', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`signs in, lists the software and removes its authority with no accessibility violations (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const e = await emulator();
      await addAccount(e, { userId: '600000000011', affinityGroup: 'Individual' });
      const { code } = await authorize(e, { userId: '600000000011', password: TEST_PASSWORD, scope: 'hello read:vat write:vat' });
      const tokens = (await exchange(e, code!)).body as { access_token: string; refresh_token: string };
      const { origin, server } = await serve(e);
      const { context, page } = await openBrowser({ javaScriptEnabled });
      const axe = javaScriptEnabled ? undefined : await openBrowser();
      const name = (n: string): string => `manage-authority-js-${javaScriptEnabled ? 'on' : 'off'}-${n}`;
      try {
        await page.goto(`${origin}/applications-manage-authority`);
        await expect(page.title()).resolves.toBe('Sign in - Manage your authorised software - GOV.UK');
        await check(page, name('01-sign-in'), axe?.page);
        await page.getByTestId('user-id').fill('600000000011');
        await page.getByTestId('password').fill('wrong');
        await page.getByTestId('sign-in').click();
        await expect(page.title()).resolves.toBe('Error: Sign in - Manage your authorised software - GOV.UK');
        await check(page, name('02-sign-in-error'), axe?.page);
        await page.getByTestId('password').fill(TEST_PASSWORD);
        await page.getByTestId('sign-in').click();

        await expect(page.title()).resolves.toBe('Authorised software applications - Manage your authorised software - GOV.UK');
        const app = page.locator(`[data-testid="application"][data-client-id="${CLIENT_ID}"]`);
        await app.getByTestId('application-name').click();
        await expect(app.getByTestId('scope').allTextContents()).resolves.toEqual(['Say Hello', 'View your VAT information', 'Change your VAT information']);
        await expect(app.getByTestId('granted-on').textContent()).resolves.toContain('15 January 2026');
        await check(page, name('03-applications'), axe?.page);
        await app.getByTestId('remove-authority').click();

        await expect(page.title()).resolves.toBe('Remove authority - Manage your authorised software - GOV.UK');
        await check(page, name('04-remove-authority'), axe?.page);
        await page.getByTestId('confirm-remove').click();

        await expect(page.title()).resolves.toBe('Authority removed - Manage your authorised software - GOV.UK');
        await check(page, name('05-authority-removed'), axe?.page);
        await page.getByTestId('applications-link').click();
        await expect(page.getByTestId('no-applications').isVisible()).resolves.toBe(true);

        const api = await request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${tokens.access_token}`);
        expect(api.body.code).toBe('INVALID_CREDENTIALS');
        const refreshed = await request(e.app).post('/oauth/token').type('form').send({ grant_type: 'refresh_token', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, refresh_token: tokens.refresh_token });
        expect(refreshed.body.error).toBe('invalid_grant');
      } finally {
        await context.close();
        await axe?.context.close();
        server.close();
      }
    }, 120_000);
  }
});
