import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../chromium.js';
import { addAccount, emulator, TEST_PASSWORD } from '../support.js';
import { check, openBrowser, serve } from './browser-support.js';

/**
 * Clicks through "Create an agent services account" in Debian's Chromium (playwright-core), with its validation
 * errors, to the confirmation page and on to copying clients across with the new user ID; a screenshot and axe-core
 * on every page.
 */
const AGENT = '700000000001';
const UTR = '1000057161';

const title = (page: Page): Promise<string> => page.title();

describe.skipIf(!hasChromium)('Create an agent services account in a real browser', () => {
  it('creates an account with errors on the way and no accessibility violations, then copies clients across with the new user ID', async () => {
    const e = await emulator();
    await addAccount(e, { userId: AGENT, affinityGroup: 'Agent', userFullName: 'Ada Agent', emailAddress: 'ada@example.com' });
    await addAccount(e, {
      userId: '700000000002',
      affinityGroup: 'Organisation',
      identifiers: { ctUtr: UTR },
      organisationDetails: { name: 'Lovelace Ltd', address: { line1: '12 St James Square', line2: 'London', postcode: 'SW1Y 4JH' } },
    });
    const { origin, server } = await serve(e);
    const { context, page } = await openBrowser({ javaScriptEnabled: true });
    try {
      await page.goto(`${origin}/agent-subscription/start`);
      await expect(title(page)).resolves.toBe('Sign in - Create an agent services account - GOV.UK');
      await check(page, 'subscription-01-sign-in');
      await page.getByTestId('user-id').fill(AGENT);
      await page.getByTestId('password').fill('wrong');
      await page.getByTestId('sign-in').click();
      await expect(title(page)).resolves.toBe('Error: Sign in - Create an agent services account - GOV.UK');
      await check(page, 'subscription-02-sign-in-error');
      await page.getByTestId('password').fill(TEST_PASSWORD);
      await page.getByTestId('sign-in').click();

      await expect(title(page)).resolves.toBe('What type of business are you? - Create an agent services account - GOV.UK');
      await page.getByTestId('continue').click();
      await expect(title(page)).resolves.toMatch(/^Error: What type of business/);
      await check(page, 'subscription-03-business-type-error');
      await page.getByTestId('business-type-limited-company').check();
      await page.getByTestId('continue').click();

      await expect(title(page)).resolves.toContain('Corporation Tax Unique Taxpayer Reference');
      await page.getByTestId('utr').fill('12345');
      await page.getByTestId('continue').click();
      expect(await page.getByTestId('error-summary').isVisible()).toBe(true);
      await expect(page.locator('#utr-error').textContent()).resolves.toContain('must be 10 numbers');
      await check(page, 'subscription-04-utr-error');
      await page.getByTestId('utr').fill(UTR);
      await page.getByTestId('continue').click();

      await expect(title(page)).resolves.toContain('What is the postcode of your registered office?');
      await check(page, 'subscription-05-postcode');
      await page.getByTestId('postcode').fill('sw1y 4jh');
      await page.getByTestId('continue').click();

      await expect(title(page)).resolves.toContain('Confirm your business name and address');
      await expect(page.getByTestId('business-name').inputValue()).resolves.toBe('Lovelace Ltd');
      await page.getByTestId('business-name').fill('Lovelace & Co');
      await page.getByTestId('address-line-1').fill('');
      await page.getByTestId('continue').click();
      await expect(page.locator('.govuk-error-summary__list a').allTextContents()).resolves.toEqual(['Enter your business name in the correct format', 'Enter address line 1']);
      await check(page, 'subscription-06-business-details-error');
      await page.getByTestId('business-name').fill('Lovelace Tax Agents');
      await page.getByTestId('address-line-1').fill('12 St James Square');
      await page.getByTestId('continue').click();

      await expect(title(page)).resolves.toContain('What is your business email address?');
      await page.getByTestId('email').fill('desk@lovelace.example');
      await page.getByTestId('continue').click();

      await expect(title(page)).resolves.toContain('Check your answers before creating your account');
      await check(page, 'subscription-07-check-answers');
      await page.getByTestId('confirm').click();

      await expect(title(page)).resolves.toContain('You’ve created an agent services account');
      await check(page, 'subscription-08-complete');
      const arn = (await page.getByTestId('arn').textContent())!;
      const userId = (await page.getByTestId('asa-user-id').textContent())!;
      const password = (await page.getByTestId('asa-password').textContent())!;
      expect(arn).toMatch(/^[A-Z]ARN\d{7}$/);
      expect((await e.context.accounts.find(userId))!.enrolments[0]).toEqual({ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: arn }] });

      await e.context.agents.saClients.add(arn, [{ name: 'Sam Client', nino: 'AA999999A' }]);
      await page.getByTestId('copy-across').click();
      await expect(title(page)).resolves.toBe('Sign in - Copy existing clients to your agent services account - GOV.UK');
      await page.getByTestId('user-id').fill(userId);
      await page.getByTestId('password').fill(password);
      await page.getByTestId('sign-in').click();
      await expect(title(page)).resolves.toContain('Your existing Self Assessment clients');
      await page.getByTestId('copy-across').click();
      await expect(title(page)).resolves.toContain('Clients copied across');
      expect(await e.context.relationships.find(arn, 'MTD-IT', 'AA999999A')).toMatchObject({ agentType: 'main' });
    } finally {
      await context.close();
      server.close();
    }
  }, 120_000);

  it('shows the not-an-agent and no-match pages without JavaScript, with no accessibility violations', async () => {
    const e = await emulator();
    await addAccount(e, { userId: AGENT, affinityGroup: 'Agent' });
    await addAccount(e, { userId: '700000000003', affinityGroup: 'Individual' });
    const { origin, server } = await serve(e);
    const { context, page } = await openBrowser({ javaScriptEnabled: false });
    const axe = await openBrowser();
    try {
      const signInAs = async (userId: string): Promise<void> => {
        await page.goto(`${origin}/agent-subscription/start`);
        await page.getByTestId('user-id').fill(userId);
        await page.getByTestId('password').fill(TEST_PASSWORD);
        await page.getByTestId('sign-in').click();
      };
      await signInAs('700000000003');
      await expect(page.getByTestId('not-agent').textContent()).resolves.toBe('You have not signed in with an agent user ID');
      await check(page, 'subscription-09-not-agent', axe.page);
      await page.getByTestId('sign-out').click();
      await signInAs(AGENT);
      await page.getByTestId('business-type-sole-trader').check();
      await page.getByTestId('continue').click();
      await page.getByTestId('utr').fill(UTR);
      await page.getByTestId('continue').click();
      await page.getByTestId('postcode').fill('AA1 1AA');
      await page.getByTestId('continue').click();
      await expect(page.getByTestId('no-match').textContent()).resolves.toBe('We could not find your business');
      await check(page, 'subscription-10-no-match', axe.page);
      await page.getByTestId('try-again').click();
      await expect(title(page)).resolves.toContain('Self Assessment Unique Taxpayer Reference');
    } finally {
      await context.close();
      await axe.context.close();
      server.close();
    }
  }, 120_000);
});
