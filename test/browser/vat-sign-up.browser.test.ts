import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../chromium.js';
import { addAccount, emulator, TEST_PASSWORD } from '../support.js';
import { check, openBrowser, serve } from './browser-support.js';

/**
 * The Making Tax Digital for VAT sign-up in Debian's Chromium: every page through its documented data-testid hooks,
 * with no accessibility violations (axe-core), including a page with an error summary; what was typed is shown as
 * text, never as HTML; approval 72 hours later on the virtual clock lands in the mailbox page.
 */
const PATH = '/vat-through-software/sign-up';
const VRN = '101747696';
const HOSTILE = '<img src=x onerror="window.__xss=1">Vera Ltd';

describe.skipIf(!hasChromium)('the VAT sign-up pages in a real browser', () => {
  it('signs a business up page by page with no accessibility violations, and the approval email arrives three days later', async () => {
    const { origin, server, emulator: e } = await serve((baseUrl) => emulator({ baseUrl }));
    await addAccount(e, {
      userId: '910000000001',
      affinityGroup: 'Organisation',
      emailAddress: 'vera@vat-business.example',
      organisationDetails: { name: HOSTILE, address: { line1: '1 High Street', line2: 'Leeds', postcode: 'LS1 4AP' } },
      identifiers: { vrn: VRN, vatRegistrationDate: '2017-04-01' },
      serviceNames: ['submit-vat-returns'],
    });
    const { context, page } = await openBrowser();
    try {
      await page.goto(`${origin}${PATH}`);
      await check(page, 'vat-sign-up-01-start');
      await page.getByTestId('start').click();

      await page.getByTestId('user-id').fill('910000000001');
      await page.getByTestId('password').fill(TEST_PASSWORD);
      await check(page, 'vat-sign-up-02-sign-in');
      await page.getByTestId('sign-in').click();

      await page.waitForURL(`${origin}${PATH}/vat-number`);
      await expect(page.getByTestId('vat-number').inputValue()).resolves.toBe(VRN);
      await page.getByTestId('vat-number').fill('12345');
      await page.getByTestId('continue').click();
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('VAT number must be 9 numbers');
      await check(page, 'vat-sign-up-03-vat-number-error');
      await page.locator('.govuk-error-summary a').click();
      await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).resolves.toBe('vatNumber');
      await page.getByTestId('vat-number').fill(VRN);
      await page.getByTestId('continue').click();

      await page.waitForURL(`${origin}${PATH}/vat-registration-date`);
      await page.getByTestId('vat-registration-date-day').fill('1');
      await page.getByTestId('vat-registration-date-month').fill('4');
      await page.getByTestId('vat-registration-date-year').fill('2017');
      await check(page, 'vat-sign-up-04-vat-registration-date');
      await page.getByTestId('continue').click();

      await page.waitForURL(`${origin}${PATH}/business-postcode`);
      await page.getByTestId('postcode').fill('LS1 4AP');
      await check(page, 'vat-sign-up-05-business-postcode');
      await page.getByTestId('continue').click();

      await page.waitForURL(`${origin}${PATH}/business-type`);
      await page.getByTestId('business-type-limited-company').check();
      await check(page, 'vat-sign-up-06-business-type');
      await page.getByTestId('continue').click();

      await page.waitForURL(`${origin}${PATH}/business-details`);
      await expect(page.getByTestId('business-name').inputValue()).resolves.toBe(HOSTILE);
      await page.getByTestId('company-number').fill('01234567');
      await check(page, 'vat-sign-up-07-business-details');
      await page.getByTestId('continue').click();

      await page.waitForURL(`${origin}${PATH}/email-address`);
      await check(page, 'vat-sign-up-08-email-address');
      await page.getByTestId('continue').click();

      await page.waitForURL(`${origin}${PATH}/receive-email-notifications`);
      await page.getByTestId('contact-preference-digital').check();
      await check(page, 'vat-sign-up-09-contact-preference');
      await page.getByTestId('continue').click();

      await page.waitForURL(`${origin}${PATH}/check-your-answers`);
      await expect(page.getByTestId('answers').textContent()).resolves.toContain(HOSTILE);
      expect(await page.locator('main img').count()).toBe(0);
      await check(page, 'vat-sign-up-10-check-your-answers');
      await page.getByTestId('confirm-and-sign-up').click();

      await page.waitForURL(`${origin}${PATH}/information-received`);
      await page.getByTestId('sign-up-status-pending').waitFor();
      await expect(page.getByTestId('reference').textContent()).resolves.toBe('VSU0000000001');
      await check(page, 'vat-sign-up-11-information-received');
      expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();

      await request(e.app).post('/_emulator/clock/advance').send({ by: 'P3D' });
      await page.goto(`${origin}/_emulator/mailbox/page?to=vera%40vat-business.example`);
      await expect(page.locator('main').textContent()).resolves.toContain('You have signed up for Making Tax Digital for VAT');
      await check(page, 'vat-sign-up-12-mailbox');
    } finally {
      await context.close();
      server.close();
    }
  }, 60_000);
});
