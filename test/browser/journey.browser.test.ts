import type { Page } from 'playwright-core';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../chromium.js';
import { addAccount, emulator, exchange, JSON_V1, TEST_PASSWORD } from '../support.js';
import { check, openBrowser, serve } from './browser-support.js';

/**
 * Clicks through the link-software journey in Debian's Chromium (playwright-core; no browser download),
 * with JavaScript off as well as on; saves a screenshot of each page under test-results/screenshots/ and
 * runs axe-core on each page, expecting no violations.
 */
const PHONE = '07700900555';

/** Routes the software's redirect URI to a stub page and resolves with the URL the journey ended at. */
function callback(page: Page): Promise<URL> {
  return new Promise((resolve) => {
    void page.route('http://localhost:3000/**', async (route) => {
      resolve(new URL(route.request().url()));
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html lang="en"><head><title>Software</title></head><body><main><h1>Back in the software</h1></main></body></html>' });
    });
  });
}

describe.skipIf(!hasChromium)('the link-software journey in a real browser', () => {
  it('clicks through the production journey (start, sign in, 2-step, identity checks, grant) with no accessibility violations', async () => {
    const e = await emulator({ journey: 'production' });
    await addAccount(e, { userId: '600000000001', affinityGroup: 'Individual', confidenceLevel: 50, twoStepVerification: { method: 'text', phoneNumber: PHONE } });
    const { origin, server } = await serve(e);
    const { context, page } = await openBrowser({ javaScriptEnabled: true });
    try {
      const ended = callback(page);
      await page.goto(`${origin}/oauth/authorize?response_type=code&client_id=LocalSandboxDefaultClientId0&scope=read:self-assessment+hello&redirect_uri=${encodeURIComponent('http://localhost:3000/callback')}&state=browser`);
      await expect(page.title()).resolves.toContain('authority to interact with HMRC');
      await check(page, 'production-01-start');
      await page.getByTestId('continue').click();

      await expect(page.title()).resolves.toBe('Sign in - HMRC - GOV.UK');
      await check(page, 'production-02-sign-in');
      await page.getByTestId('user-id').fill('600000000001');
      await page.getByTestId('password').fill('wrong');
      await page.getByTestId('sign-in').click();
      await expect(page.title()).resolves.toBe('Error: Sign in - HMRC - GOV.UK');
      await check(page, 'production-03-sign-in-error');
      await page.getByTestId('password').fill(TEST_PASSWORD);
      await page.getByTestId('sign-in').click();

      await expect(page.title()).resolves.toBe('Enter the access code - HMRC - GOV.UK');
      await check(page, 'production-04-access-code');
      const sent = (await e.context.messages.list({ to: PHONE })).at(-1)!.body;
      await page.getByTestId('access-code').fill(/\d{6}/.exec(sent)![0]);
      await page.getByTestId('continue').click();

      await expect(page.title()).resolves.toBe('Confirm your identity - HMRC - GOV.UK');
      await check(page, 'production-05-identity');
      await page.getByTestId('iv-outcome-success').check();
      await page.getByTestId('continue').click();

      await expect(page.title()).resolves.toBe('Grant authority - HMRC - GOV.UK');
      await check(page, 'production-06-grant');
      await page.getByTestId('grant-authority').click();
      const url = await ended;
      expect(url.searchParams.get('state')).toBe('browser');
      const token = await exchange(e, url.searchParams.get('code')!);
      const hello = await request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${token.body.access_token}`);
      expect(hello.body).toEqual({ message: 'Hello User' });
    } finally {
      await context.close();
      server.close();
    }
  }, 120_000);

  it('registers 2-step verification and reaches a failure page, without JavaScript, with no accessibility violations', async () => {
    const e = await emulator({ journey: 'production' });
    await addAccount(e, { userId: '600000000002', affinityGroup: 'Individual', confidenceLevel: 50 });
    const { origin, server } = await serve(e);
    const { context, page } = await openBrowser({ javaScriptEnabled: false });
    const axe = await openBrowser();
    try {
      await page.goto(`${origin}/oauth/authorize?response_type=code&client_id=LocalSandboxDefaultClientId0&scope=read:self-assessment&redirect_uri=${encodeURIComponent('http://localhost:3000/callback')}`);
      await page.getByTestId('continue').click();
      await page.getByTestId('user-id').fill('600000000002');
      await page.getByTestId('password').fill(TEST_PASSWORD);
      await page.getByTestId('sign-in').click();
      await expect(page.title()).resolves.toBe('How do you want to get access codes? - HMRC - GOV.UK');
      await check(page, 'registration-01-method', axe.page);
      await page.getByTestId('continue').click();
      await expect(page.title()).resolves.toMatch(/^Error: /);
      await check(page, 'registration-02-method-error', axe.page);
      await page.getByTestId('two-step-method-text').check();
      await page.getByTestId('continue').click();
      await check(page, 'registration-03-phone', axe.page);
      await page.getByTestId('phone-number').fill('07700 900 556');
      await page.getByTestId('continue').click();
      await check(page, 'registration-04-code', axe.page);
      await page.getByTestId('access-code').fill(/\d{6}/.exec((await e.context.messages.list({ to: '07700900556' })).at(-1)!.body)![0]);
      await page.getByTestId('continue').click();
      await page.getByTestId('iv-outcome-failed-matching').check();
      await page.getByTestId('continue').click();
      await expect(page.title()).resolves.toBe('We could not confirm your identity - HMRC - GOV.UK');
      await check(page, 'registration-05-identity-failed', axe.page);
      await page.goto(`${origin}/_emulator/outbox/page`);
      await check(page, 'outbox', axe.page);
    } finally {
      await axe.context.close();
      await context.close();
      server.close();
    }
  }, 120_000);

  it('clicks through the sandbox journey\'s deny path with no accessibility violations', async () => {
    const e = await emulator();
    const { origin, server } = await serve(e);
    const { context, page } = await openBrowser();
    try {
      const ended = callback(page);
      await page.goto(`${origin}/oauth/authorize?response_type=code&client_id=LocalSandboxDefaultClientId0&scope=hello&redirect_uri=${encodeURIComponent('http://localhost:3000/callback')}&state=deny-me`);
      await check(page, 'deny-01-sign-in');
      await page.getByTestId('user-id').fill('user1');
      await page.getByTestId('password').fill('password1');
      await page.getByTestId('sign-in').click();
      await check(page, 'deny-02-grant');
      await page.getByTestId('do-not-grant-authority').click();
      const url = await ended;
      expect(Object.fromEntries(url.searchParams)).toEqual({ error: 'access_denied', error_description: 'user denied the authorization', error_code: 'USER_DENIED_AUTHORIZATION', state: 'deny-me' });
    } finally {
      await context.close();
      server.close();
    }
  }, 120_000);
});
