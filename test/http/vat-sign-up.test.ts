import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { start, type RunningEmulator } from '../../emulator/server.js';
import { addAccount, CLIENT_ID, CLIENT_SECRET, emulator, JSON_V1, userToken } from '../support.js';
import { PageClient } from '../tenants/browserless.js';
import { csrfOf, location, type Browser } from './sign-up-support.js';

const PATH = '/vat-through-software/sign-up';
/** A VRN with valid check digits, registered for VAT but not signed up for Making Tax Digital. */
const VRN = '101747696';
const BUSINESS = '910000000001';

/** A business registered for VAT the old way (Create Test User's `submit-vat-returns`): VRN, no HMRC-MTD-VAT. */
async function addVatBusiness(e: Emulator, userId = BUSINESS, vrn = VRN): Promise<void> {
  await addAccount(e, {
    userId,
    affinityGroup: 'Organisation',
    userFullName: 'Vera Vat',
    emailAddress: 'vera@vat-business.example',
    organisationDetails: { name: 'Vera Trading Ltd', address: { line1: '1 High Street', line2: 'Leeds', postcode: 'LS1 4AP' } },
    identifiers: { vrn, vatRegistrationDate: '2017-04-01' },
    serviceNames: ['submit-vat-returns'],
    enrolments: [{ key: 'HMCE-VATDEC-ORG', identifiers: [{ key: 'VATRegNo', value: vrn }] }],
  });
}

async function form(browser: Browser, page: string, fields: Record<string, string>): Promise<request.Response> {
  const got = await browser.get(`${PATH}/${page}`);
  expect(got.status, `GET ${page} → ${got.headers.location ?? ''}`).toBe(200);
  return browser.post(`${PATH}/${page}`).type('form').send({ csrfToken: csrfOf(got.text), ...fields });
}

async function signedIn(e: Emulator, userId = BUSINESS, password = 'Passw0rd1234'): Promise<{ browser: Browser; res: request.Response }> {
  const browser = request.agent(e.app);
  return { browser, res: await form(browser, 'sign-in', { userId, password }) };
}

const ANSWERS: Array<[string, Record<string, string>]> = [
  ['vat-number', { vatNumber: VRN }],
  ['vat-registration-date', { 'vatRegistrationDate-day': '1', 'vatRegistrationDate-month': '4', 'vatRegistrationDate-year': '2017' }],
  ['business-postcode', { postcode: 'ls1 4ap' }],
  ['business-type', { businessType: 'limited-company' }],
  ['business-details', { businessName: 'Vera Trading Ltd', companyNumber: '1234567' }],
  ['email-address', { email: 'vera@vat-business.example' }],
  ['receive-email-notifications', { contactPreference: 'digital' }],
];

/** Every input and button has a documented data-testid (docs/vat-sign-up.md), and the form posts without script. */
function expectHooks(html: string, page: string): void {
  const controls = html.match(/<(input|button)\b[^>]*>/g) ?? [];
  expect(controls.length, page).toBeGreaterThan(0);
  for (const control of controls) expect(control, page).toContain('data-testid=');
  expect(html).toContain(`<form method="post" action="${PATH}/${page}" novalidate>`);
}

async function answerAll(browser: Browser, upTo = ANSWERS.length): Promise<void> {
  for (const [page, fields] of ANSWERS.slice(0, upTo)) {
    expectHooks((await browser.get(`${PATH}/${page}`)).text, page);
    const res = await form(browser, page, fields);
    expect(res.status, `${page}: ${res.text.slice(0, 300)}`).toBe(303);
  }
}

const obligations = (e: Emulator, token: string, vrn = VRN) =>
  request(e.app).get(`/organisations/vat/${vrn}/obligations`).query({ status: 'O' }).set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`);

const emails = async (e: Emulator, to: string): Promise<Array<{ subject: string; body: string }>> =>
  (await request(e.app).get('/_emulator/mailbox').query({ to })).body.messages;

describe('a business signs up for Making Tax Digital for VAT', () => {
  it('shows a start page leading to sign-in, sends visitors not signed in there, and answers unknown pages with an HTML 404', async () => {
    const e = await emulator();
    const startPage = await request(e.app).get(PATH);
    expect(startPage.status).toBe(200);
    expect(startPage.text).toContain(`href="${PATH}/sign-in"`);
    expect(startPage.text).toContain('data-testid="start"');
    expect(location(await request(e.app).get(`${PATH}/nowhere/else`))).toBe(`${PATH}/sign-in`);
    await addVatBusiness(e);
    const { browser } = await signedIn(e);
    const lost = await browser.get(`${PATH}/nowhere/else`);
    expect(lost.status).toBe(404);
    expect(lost.text).toContain('Page not found');
  });

  it('keeps the session in an HttpOnly, SameSite cookie on the sign-up path and refuses every form without its CSRF token', async () => {
    const e = await emulator();
    await addVatBusiness(e);
    const noToken = await request(e.app).post(`${PATH}/sign-in`).type('form').send({ userId: BUSINESS, password: 'Passw0rd1234' });
    expect(noToken.status).toBe(403);
    expect(noToken.text).toContain('data-testid="page-expired"');
    const { browser, res: signIn } = await signedIn(e);
    const cookie = String(([] as string[]).concat(signIn.headers['set-cookie'] ?? []).find((c) => c.startsWith('mtd-vat-sign-up=') && !/Expires=Thu, 01 Jan 1970/.test(c)));
    expect(cookie).toMatch(/; Path=\/vat-through-software\/sign-up; HttpOnly; SameSite=Lax/);
    for (const token of ['', 'forged-token-forged-token-forged']) {
      const res = await browser.post(`${PATH}/vat-number`).type('form').send({ csrfToken: token, vatNumber: VRN });
      expect(res.status).toBe(403);
    }
    expect(location(await form(browser, 'vat-number', { vatNumber: VRN }))).toBe(`${PATH}/vat-registration-date`);
  });

  it('refuses missing and wrong credentials, locks the user ID after too many wrong passwords, and sends agents away', async () => {
    const e = await emulator({ journeyLimits: { signInAttempts: 3, signInLockoutSeconds: 600, accessCodeAttempts: 5, accessCodeLockoutSeconds: 900, accessCodeSeconds: 900, sessionTimeoutSeconds: 900 } });
    await addVatBusiness(e);
    await addAccount(e, { userId: '910000000009', affinityGroup: 'Agent', identifiers: { agentServicesAccountNumber: 'XARN1234567' }, enrolments: [{ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: 'XARN1234567' }] }] });
    const browser = request.agent(e.app);
    const empty = await form(browser, 'sign-in', { userId: '', password: '' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('There is a problem');
    expect(empty.text).toContain('href="#userId">Enter your user ID');
    expect(empty.text).toContain('href="#password">Enter your password');
    for (let i = 0; i < 2; i++) {
      const wrong = await form(browser, 'sign-in', { userId: BUSINESS, password: 'wrong' });
      expect(wrong.status).toBe(401);
      expect(wrong.text).toContain('Invalid user ID or password. Try again.');
    }
    const third = await form(browser, 'sign-in', { userId: BUSINESS, password: 'wrong' });
    expect(third.status).toBe(401);
    expect(third.text).toContain('data-testid="account-locked"');
    expect((await form(browser, 'sign-in', { userId: BUSINESS, password: 'Passw0rd1234' })).text).toContain('data-testid="account-locked"');
    e.context.clock.advance(601 * 1000);
    expect(location(await form(browser, 'sign-in', { userId: BUSINESS, password: 'Passw0rd1234' }))).toBe(`${PATH}/vat-number`);

    const agent = await signedIn(e, '910000000009');
    expect(agent.res.status).toBe(403);
    expect(agent.res.text).toContain('data-testid="wrong-account-type"');
    expect(location(await agent.browser.get(`${PATH}/vat-number`))).toBe(`${PATH}/sign-in`);
  });

  it('shows each bad answer in the error summary and beside its field, and keeps what was typed, escaped', async () => {
    const e = await emulator();
    await addVatBusiness(e);
    const { browser } = await signedIn(e);
    const cases: Array<[number, string, Record<string, string>, string, string]> = [
      [0, 'vat-number', { vatNumber: '' }, 'vatNumber', 'Enter your VAT number'],
      [0, 'vat-number', { vatNumber: '12345' }, 'vatNumber', 'VAT number must be 9 numbers'],
      [0, 'vat-number', { vatNumber: '12345678A' }, 'vatNumber', 'VAT number must only include numbers 0 to 9'],
      [0, 'vat-number', { vatNumber: '101747697' }, 'vatNumber', 'Enter a valid VAT number'],
      [1, 'vat-registration-date', {}, 'vatRegistrationDate-day', 'Enter your VAT registration date'],
      [1, 'vat-registration-date', { 'vatRegistrationDate-day': 'x', 'vatRegistrationDate-month': '4', 'vatRegistrationDate-year': '2017' }, 'vatRegistrationDate-day', 'Enter a date using numbers 0 to 9'],
      [1, 'vat-registration-date', { 'vatRegistrationDate-day': '31', 'vatRegistrationDate-month': '2', 'vatRegistrationDate-year': '2017' }, 'vatRegistrationDate-day', 'Enter a real date'],
      [1, 'vat-registration-date', { 'vatRegistrationDate-day': '1', 'vatRegistrationDate-month': '1', 'vatRegistrationDate-year': '2027' }, 'vatRegistrationDate-day', 'VAT registration date must be in the past'],
      [2, 'business-postcode', { postcode: '' }, 'postcode', 'Enter the postcode where your business is registered for VAT'],
      [2, 'business-postcode', { postcode: 'LS1 <4AP>' }, 'postcode', 'Postcode must only include numbers 0 to 9 and letters a to z'],
      [2, 'business-postcode', { postcode: 'LS12 34' }, 'postcode', 'Enter a real postcode'],
      [3, 'business-type', { businessType: 'empire' }, 'businessType', 'Select the type of business or group you are signing up'],
      [4, 'business-details', { businessName: '', companyNumber: '' }, 'businessName', 'Enter your business name'],
      [4, 'business-details', { businessName: 'x'.repeat(106), companyNumber: '' }, 'companyNumber', 'Enter your company registration number'],
      [4, 'business-details', { businessName: 'Vera', companyNumber: '123456789' }, 'companyNumber', 'Enter a company number that has 8 characters or less'],
      [4, 'business-details', { businessName: 'Vera', companyNumber: '12-34' }, 'companyNumber', 'Company number must only include numbers 0 to 9 and letters a to z'],
      [5, 'email-address', { email: '' }, 'email', 'Enter your email address'],
      [5, 'email-address', { email: '<script>@x' }, 'email', 'Enter a valid email address'],
      [5, 'email-address', { email: `${'a'.repeat(130)}@b.example` }, 'email', 'Email address must be 132 characters or less'],
      [6, 'receive-email-notifications', {}, 'contactPreference', 'Select if you want to be contacted by email or letters only'],
    ];
    let answered = 0;
    for (const [needs, page, fields, anchor, message] of cases) {
      if (needs > answered) {
        await answerAll(browser, needs);
        answered = needs;
      }
      const res = await form(browser, page, fields);
      expect(res.status, `${page} ${JSON.stringify(fields)}`).toBe(400);
      expect(res.text).toContain('<title>Error: ');
      expect(res.text, message).toContain(`href="#${anchor}">${message.replace(/'/g, '&#39;')}</a>`);
      expect(res.text).toMatch(new RegExp(`govuk-error-message[^>]*>\\s*<span class="govuk-visually-hidden">Error:</span> ${message}`));
      expect(res.text).not.toContain('<script>@');
    }
    expect((await form(browser, 'business-details', { businessName: 'x'.repeat(106), companyNumber: '1' })).text).toContain('Business name must be 105 characters or less');
    expect((await form(browser, 'email-address', { email: '<script>@x' })).text).toContain('value="&lt;script&gt;@x"');
  });

  it('stops when the known facts do not match, and for a VRN already signed up', async () => {
    const e = await emulator();
    await addVatBusiness(e);
    await addAccount(e, { userId: '910000000002', affinityGroup: 'Organisation', identifiers: { vrn: '100000034' }, enrolments: [{ key: 'HMRC-MTD-VAT', identifiers: [{ key: 'VRN', value: '100000034' }] }] });
    const { browser } = await signedIn(e);
    await answerAll(browser, 2);
    const mismatch = await form(browser, 'business-postcode', { postcode: 'LS2 9JT' });
    expect(mismatch.status).toBe(200);
    expect(mismatch.text).toContain('data-testid="could-not-confirm-business"');
    expect(location(await browser.get(`${PATH}/business-type`))).toBe(`${PATH}/business-postcode`);
    await form(browser, 'vat-registration-date', { 'vatRegistrationDate-day': '2', 'vatRegistrationDate-month': '4', 'vatRegistrationDate-year': '2017' });
    expect((await form(browser, 'business-postcode', { postcode: 'LS1 4AP' })).text).toContain('data-testid="could-not-confirm-business"');
    const signedUp = await form(browser, 'vat-number', { vatNumber: '100000034' });
    expect(signedUp.text).toContain('data-testid="already-signed-up"');
  });

  it('signs a business up: the VAT API refuses the VRN until approval 72 hours later, then accepts it; the mailbox has the confirmation', async () => {
    const e = await emulator();
    await addVatBusiness(e);
    const token = await userToken(e, BUSINESS, 'read:vat');
    const { browser, res } = await signedIn(e);
    expect(location(res)).toBe(`${PATH}/vat-number`);
    expect((await browser.get(`${PATH}/vat-number`)).text).toContain(`value="${VRN}"`);
    expect(location(await browser.get(`${PATH}/check-your-answers`))).toBe(`${PATH}/vat-number`);
    await answerAll(browser);
    const check = await browser.get(`${PATH}/check-your-answers`);
    expectHooks(check.text, 'check-your-answers');
    for (const text of [VRN, '1 April 2017', 'Limited company', 'Vera Trading Ltd', '01234567', 'vera@vat-business.example', 'Email']) expect(check.text).toContain(text);
    expect(location(await browser.post(`${PATH}/check-your-answers`).type('form').send({ csrfToken: csrfOf(check.text) }))).toBe(`${PATH}/information-received`);
    const received = await browser.get(`${PATH}/information-received`);
    expect(received.text).toContain('data-testid="sign-up-status-pending"');
    expect(received.text).toContain('VSU0000000001');

    const refused = await obligations(e, token);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ code: 'CLIENT_OR_AGENT_NOT_AUTHORISED', message: 'The client and/or agent is not authorised.' });
    expect((await emails(e, 'vera@vat-business.example')).map((m) => m.subject)).toEqual(['We have received your request to sign up for Making Tax Digital for VAT']);
    const again = await signedIn(e);
    expect((await form(again.browser, 'vat-number', { vatNumber: VRN })).text).toContain('data-testid="sign-up-pending"');

    // Access tokens live 4 hours: a fresh one after moving the clock.
    await request(e.app).post('/_emulator/clock/advance').send({ by: 'PT71H59M' });
    expect((await obligations(e, await userToken(e, BUSINESS, 'read:vat'))).status).toBe(403);
    await request(e.app).post('/_emulator/clock/advance').send({ by: 'PT1M' });
    expect((await obligations(e, await userToken(e, BUSINESS, 'read:vat'))).status).toBe(200);
    const mail = await emails(e, 'vera@vat-business.example');
    expect(mail.at(-1)).toMatchObject({ subject: 'You have signed up for Making Tax Digital for VAT' });
    expect(mail.at(-1)!.body).toContain(VRN);
    expect((await e.context.accounts.find(BUSINESS))!.enrolments).toContainEqual({ key: 'HMRC-MTD-VAT', identifiers: [{ key: 'VRN', value: VRN }] });
    expect(location(await browser.get(`${PATH}/information-received`))).toBe(`${PATH}/sign-in`); // the session timed out meanwhile
    const after = await signedIn(e);
    expect((await form(after.browser, 'vat-number', { vatNumber: VRN })).text).toContain('data-testid="already-signed-up"');
    expect((await request(e.app).get(`/_emulator/vat/${VRN}/sign-up`)).body).toMatchObject({ status: 'approved', approvedAt: '2026-01-18T09:00:00.000Z' });
  });

  it('refuses an agent with a relationship while the VRN’s sign-up is pending, as for a VRN not signed up', async () => {
    const e = await emulator();
    await addVatBusiness(e);
    const arn = 'XARN1234567';
    await addAccount(e, { userId: '910000000009', affinityGroup: 'Agent', identifiers: { agentServicesAccountNumber: arn }, enrolments: [{ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: arn }] }] });
    expect((await request(e.app).post('/_emulator/relationships').send({ arn, service: 'MTD-VAT', clientId: VRN })).status).toBe(201);
    const token = await userToken(e, '910000000009', 'read:vat');
    expect((await obligations(e, token)).status).toBe(200);
    expect((await request(e.app).post(`/_emulator/vat/${VRN}/sign-up`).send({})).status).toBe(201);
    expect((await obligations(e, token)).body.code).toBe('CLIENT_OR_AGENT_NOT_AUTHORISED');
    await request(e.app).post('/_emulator/clock/advance').send({ by: 'P3D' });
    expect((await obligations(e, await userToken(e, '910000000009', 'read:vat'))).status).toBe(200);
  });

  it('signs up headlessly through the control API, at once or after the delay, and says why when it cannot', async () => {
    const e = await emulator();
    await addVatBusiness(e);
    await addVatBusiness(e, '910000000003', '100000034');
    const token = await userToken(e, BUSINESS, 'read:vat');
    const now = await request(e.app).post(`/_emulator/vat/${VRN}/sign-up`).send({ approve: true });
    expect(now.status).toBe(201);
    expect(now.body).toMatchObject({ vrn: VRN, status: 'approved', userId: BUSINESS, businessType: 'limited-company', businessName: 'Vera Trading Ltd', email: 'vera@vat-business.example', contactPreference: 'digital' });
    expect((await obligations(e, token)).status).toBe(200);
    expect((await emails(e, 'vera@vat-business.example')).at(-1)!.subject).toBe('You have signed up for Making Tax Digital for VAT');

    const later = await request(e.app).post('/_emulator/vat/100000034/sign-up').send({ userId: '910000000003', after: 'PT4H', contactPreference: 'paper' });
    expect(later.body).toMatchObject({ status: 'pending', approvalDueAt: '2026-01-15T13:00:00.000Z', contactPreference: 'paper' });
    expect((await request(e.app).get('/_emulator/vat/100000034/sign-up')).body.status).toBe('pending');
    await request(e.app).post('/_emulator/clock/advance').send({ by: 'PT4H' });
    expect((await request(e.app).get('/_emulator/vat/100000034/sign-up')).body.status).toBe('approved');

    const refusals: Array<[string, unknown, number, string]> = [
      [VRN, {}, 409, 'already_signed_up'],
      ['12345', {}, 400, 'invalid_request'],
      ['101747697', {}, 400, 'invalid_request'],
      ['100000132', {}, 404, 'not_found'],
      ['100000132', { userId: '999999999999' }, 404, 'not_found'],
      ['100000132', { userId: BUSINESS, after: 'P4D' }, 400, 'invalid_request'],
      ['100000132', { userId: BUSINESS, approve: 'yes' }, 400, 'invalid_request'],
      ['100000132', { userId: BUSINESS, businessType: 'empire' }, 400, 'invalid_request'],
      ['100000132', { userId: BUSINESS, email: 'not-an-email' }, 400, 'invalid_request'],
      ['100000132', { userId: BUSINESS, contactPreference: 'pigeon' }, 400, 'invalid_request'],
      ['100000132', [1], 400, 'invalid_request'],
    ];
    for (const [vrn, body, status, error] of refusals) {
      const res = await request(e.app).post(`/_emulator/vat/${vrn}/sign-up`).send(body as object);
      expect(res.status, `${vrn} ${JSON.stringify(body)}: ${res.text}`).toBe(status);
      expect(res.body.error).toBe(error);
    }
    expect((await request(e.app).get('/_emulator/vat/100000132/sign-up')).status).toBe(404);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bodies are checked by the assertions
const j = (res: Response): Promise<any> => res.json();

describe('VAT sign-up under a tenant', () => {
  let running: RunningEmulator | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it("works under /t/{id}: a Create Test User business without MTD VAT signs up through the tenant's pages", async () => {
    running = await start({ port: 0, throttle: { requestsPerSecond: 1000 } });
    const tenant = await j(await fetch(`${running.baseUrl}/_emulator/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'ci-vat' }) }));
    const base: string = tenant.baseUrl;
    const appToken = (await j(await fetch(`${base}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET }) }))).access_token;
    const created = await fetch(`${base}/create-test-user/organisations`, { method: 'POST', headers: { accept: JSON_V1, 'content-type': 'application/json', authorization: `Bearer ${appToken}` }, body: JSON.stringify({ serviceNames: ['submit-vat-returns'] }) });
    expect(created.status).toBe(201);
    const org = await j(created);
    const [year, month, day] = String(org.vatRegistrationDate).split('-');

    const client = new PageClient();
    const post = async (page: string, fields: Record<string, string>): Promise<Response> => {
      const got = await client.fetch(`${base}${PATH}/${page}`);
      const html = await got.text();
      expect(html).toContain(`action="/t/ci-vat${PATH}/${page}"`);
      return client.fetch(`${base}${PATH}/${page}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrfToken: csrfOf(html), ...fields }) });
    };
    expect((await post('sign-in', { userId: org.userId, password: org.password })).headers.get('location')).toBe(`/t/ci-vat${PATH}/vat-number`);
    expect(client.cookiePaths()).toContain(`/t/ci-vat${PATH}`);
    const answers: Array<[string, Record<string, string>]> = [
      ['vat-number', { vatNumber: org.vrn }],
      ['vat-registration-date', { 'vatRegistrationDate-day': String(Number(day)), 'vatRegistrationDate-month': String(Number(month)), 'vatRegistrationDate-year': year! }],
      ['business-postcode', { postcode: org.organisationDetails.address.postcode }],
      ['business-type', { businessType: 'other' }],
      ['business-details', { businessName: org.organisationDetails.name }],
      ['email-address', { email: 'tenant@vat.example' }],
      ['receive-email-notifications', { contactPreference: 'paper' }],
      ['check-your-answers', {}],
    ];
    for (const [page, fields] of answers) expect((await post(page, fields)).status, page).toBe(303);
    expect((await j(await fetch(`${base}/_emulator/vat/${org.vrn}/sign-up`))).status).toBe('pending');
    expect((await fetch(`${running.baseUrl}/_emulator/vat/${org.vrn}/sign-up`)).status).toBe(404);
    await fetch(`${base}/_emulator/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ by: 'P3D' }) });
    expect((await j(await fetch(`${base}/_emulator/vat/${org.vrn}/sign-up`))).status).toBe('approved');
    const mailbox = await j(await fetch(`${base}/_emulator/mailbox?to=tenant%40vat.example`));
    expect(mailbox.messages.map((m: { subject: string }) => m.subject)).toContain('You have signed up for Making Tax Digital for VAT');
  });
});
