import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { addAccount, applicationToken, authorize, csrfTokenOf, emulator, JSON_V1, pathOf, TEST_PASSWORD, userToken } from '../support.js';

const AGENT = '900000000010';
const OTHER_AGENT = '900000000011';
const TAXPAYER = '900000000012';
const UTR = '1000057161';
const POSTCODE = 'AA11 1AA';
const V2 = 'application/vnd.hmrc.2.0+json';
const AGENT_SCOPES = 'read:sent-invitations write:sent-invitations';

type Browser = ReturnType<typeof request.agent>;

async function setUp(): Promise<Emulator> {
  const e = await emulator();
  for (const userId of [AGENT, OTHER_AGENT]) await addAccount(e, { userId, affinityGroup: 'Agent', userFullName: 'Ada <Agent>', emailAddress: 'ada@example.com' });
  // The business's record at HMRC: a Self Assessment taxpayer with this UTR and postcode.
  await addAccount(e, {
    userId: TAXPAYER,
    affinityGroup: 'Individual',
    userFullName: 'Ada Lovelace',
    identifiers: { saUtr: UTR },
    individualDetails: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1980-12-10', address: { line1: '12 St James Square', line2: 'London', postcode: POSTCODE } },
  });
  return e;
}

/** Signs in at /agent-subscription/start; returns the browser and the sign-in answer. */
async function signIn(e: Emulator, userId = AGENT, password = TEST_PASSWORD, browser: Browser = request.agent(e.app)) {
  const page = await browser.get('/agent-subscription/start');
  const res = await browser.post('/agent-subscription/sign-in').type('form').send({ csrfToken: csrfTokenOf(page.text), userId, password });
  return { browser, res };
}

/** Answers one page: GETs it for its CSRF token and posts the form. */
async function answer(browser: Browser, path: string, form: Record<string, string>) {
  const page = await browser.get(`/agent-subscription/${path}`);
  expect(page.status, `${path}: ${page.text.slice(0, 200)}`).toBe(200);
  return browser.post(`/agent-subscription/${path}`).type('form').send({ csrfToken: csrfTokenOf(page.text), ...form });
}

async function subscribe(browser: Browser, overrides: Record<string, string> = {}) {
  const steps: Array<[string, Record<string, string>]> = [
    ['business-type', { businessType: overrides.businessType ?? 'sole_trader' }],
    ['unique-taxpayer-reference', { utr: overrides.utr ?? '10000 57161' }],
    ['postcode', { postcode: overrides.postcode ?? 'aa11 1aa' }],
    ['business-details', { businessName: 'Lovelace Tax Agents', addressLine1: '12 St James Square', addressLine2: 'London' }],
    ['contact-email-address', { email: 'ada@example.com' }],
    ['check-answers', {}],
  ];
  let res;
  for (const [path, form] of steps) {
    res = await answer(browser, path, form);
    expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(303);
  }
  return browser.get(pathOf(res!.headers.location));
}

const testid = (html: string, id: string): string | undefined => new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];

describe('Create an agent services account: pages', () => {
  let e: Emulator;
  beforeEach(async () => {
    e = await setUp();
  });

  it('creates an ARN with HMRC-AS-AGENT on a new user ID that can link software and call the agent APIs', async () => {
    const { browser, res } = await signIn(e);
    expect(res.status).toBe(303);
    expect((await browser.get('/agent-subscription/start')).headers.location).toBe('/agent-subscription/business-type');
    const done = await subscribe(browser);
    expect(done.status).toBe(200);
    expect(done.text).toContain('You’ve created an agent services account');
    const arn = testid(done.text, 'arn')!;
    const userId = testid(done.text, 'asa-user-id')!;
    const password = testid(done.text, 'asa-password')!;
    expect(arn).toMatch(/^[A-Z]ARN\d{7}$/);
    expect(userId).not.toBe(AGENT);
    expect(done.text).toContain('href="/agent-mapping/start"');

    const account = (await e.context.accounts.find(userId))!;
    expect(account).toMatchObject({ affinityGroup: 'Agent', emailAddress: 'ada@example.com', organisationDetails: { name: 'Lovelace Tax Agents', address: { line1: '12 St James Square', line2: 'London', postcode: POSTCODE } } });
    expect(account.enrolments).toContainEqual({ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: arn }] });
    expect((await e.context.accounts.find(AGENT))!.enrolments).toEqual([]);

    const token = await userToken(e, userId, AGENT_SCOPES, password);
    const invitations = await request(e.app).get(`/agents/${arn}/invitations`).set('Accept', V2).set('Authorization', `Bearer ${token}`);
    expect(invitations.status).toBe(204);
    const email = (await request(e.app).get('/_emulator/mailbox').query({ to: 'ada@example.com' })).body.messages;
    expect(email).toHaveLength(1);
    expect(email[0].body).toContain(arn);
    expect(email[0].body).not.toContain(password);
  });

  it('tells an agent user that has created one, a user that has one, and another agent of the same business so', async () => {
    const done = await subscribe((await signIn(e)).browser);
    const userId = testid(done.text, 'asa-user-id')!;
    const password = testid(done.text, 'asa-password')!;

    const again = await signIn(e);
    const page = await again.browser.get('/agent-subscription/start');
    expect(page.text).toContain('You have already created an agent services account');
    expect(page.text).toContain(userId);

    const asa = await signIn(e, userId, password);
    const own = await asa.browser.get('/agent-subscription/start');
    expect(own.text).toContain('You already have an agent services account');
    expect(own.text).toContain('data-testid="already-subscribed"');
    expect((await asa.browser.get('/agent-subscription/business-type')).text).toContain('You already have an agent services account');

    const other = (await signIn(e, OTHER_AGENT)).browser;
    await answer(other, 'business-type', { businessType: 'partnership' });
    await answer(other, 'unique-taxpayer-reference', { utr: UTR });
    const taken = await answer(other, 'postcode', { postcode: POSTCODE });
    expect(taken.text).toContain('Your business already has an agent services account');
  });

  it('refuses a form without the CSRF token bound to its session', async () => {
    const stranger = await request(e.app).post('/agent-subscription/sign-in').type('form').send({ userId: AGENT, password: TEST_PASSWORD });
    expect(stranger.status).toBe(403);
    expect(stranger.text).toContain('This page has expired');
    const { browser } = await signIn(e);
    const forged = await browser.post('/agent-subscription/business-type').type('form').send({ csrfToken: 'forged', businessType: 'sole_trader' });
    expect(forged.status).toBe(403);
    const missing = await browser.post('/agent-subscription/check-answers').type('form').send({});
    expect(missing.status).toBe(403);
    expect(await e.context.agents.servicesAccounts.list()).toEqual([]);
  });

  it('refuses wrong and missing credentials, and locks the user ID after five wrong passwords', async () => {
    const browser = request.agent(e.app);
    const missing = (await signIn(e, '', '', browser)).res;
    expect(missing.status).toBe(401);
    expect(missing.text).toContain('href="#userId"');
    expect(missing.text).toContain('href="#password"');
    expect(missing.text).toContain('<title>Error: Sign in - Create an agent services account - GOV.UK</title>');
    for (let i = 1; i <= 4; i++) {
      const wrong = (await signIn(e, AGENT, 'nope', browser)).res;
      expect(wrong.status).toBe(401);
      expect(wrong.text).toContain('Invalid user ID or password. Try again.');
      expect(wrong.text).toContain(`value="${AGENT}"`);
    }
    const locked = (await signIn(e, AGENT, 'nope', browser)).res;
    expect(locked.status).toBe(401);
    expect(locked.text).toContain('You have tried to sign in too many times');
    expect((await signIn(e, AGENT)).res.text).toContain('You have tried to sign in too many times');
    // The same lock as the link-software journey's: the user ID is locked there too.
    await expect(authorize(e, { userId: AGENT, password: TEST_PASSWORD })).rejects.toThrow(/sign-in: 401/);
    e.context.clock.advance(15 * 60_000 + 1);
    expect((await signIn(e, AGENT)).res.status).toBe(303);
  });

  it('refuses a user who is not an agent, and an account locked by HMRC', async () => {
    const { browser, res } = await signIn(e, TAXPAYER);
    expect(res.status).toBe(303);
    const page = await browser.get('/agent-subscription/start');
    expect(page.status).toBe(403);
    expect(page.text).toContain('You have not signed in with an agent user ID');
    await e.context.accounts.add({ ...(await e.context.accounts.find(OTHER_AGENT))!, locked: true });
    expect((await signIn(e, OTHER_AGENT)).res.text).toContain('Your account is locked');
  });

  it.each([
    ['business-type', {}, 'businessType', 'Select what type of business you are'],
    ['unique-taxpayer-reference', { utr: '' }, 'utr', 'Enter the Unique Taxpayer Reference (UTR) you use for Self Assessment'],
    ['unique-taxpayer-reference', { utr: '12345' }, 'utr', 'The Unique Taxpayer Reference (UTR) you use for Self Assessment must be 10 numbers'],
    ['unique-taxpayer-reference', { utr: '1234567890' }, 'utr', 'Enter a valid Unique Taxpayer Reference (UTR)'],
    ['postcode', { postcode: '' }, 'postcode', 'Enter a valid postcode, like AA1 1AA'],
    ['postcode', { postcode: 'AA11 1AA 1' }, 'postcode', 'Postcode must be 8 characters or less'],
    ['postcode', { postcode: 'AA1!1AA' }, 'postcode', 'Postcode must only include letters a to z, numbers and spaces, like AA1 1AA'],
    ['postcode', { postcode: '1AA 1AA' }, 'postcode', 'Enter a valid postcode, for example AA1 1AA'],
    ['business-details', { businessName: 'Lovelace & Co', addressLine1: 'x' }, 'businessName', 'Enter your business name in the correct format'],
    ['business-details', { businessName: 'L'.repeat(41), addressLine1: 'x' }, 'businessName', 'Business name must be 40 characters or less'],
    ['business-details', { businessName: 'Lovelace', addressLine1: '' }, 'addressLine1', 'Enter address line 1'],
    ['business-details', { businessName: 'Lovelace', addressLine1: 'x', addressLine2: 'a;b' }, 'addressLine2', 'Address line 2 must only include letters a to z'],
    ['contact-email-address', { email: '' }, 'email', 'Enter your business email address, like name@example.com'],
    ['contact-email-address', { email: 'ada@@example.com' }, 'email', 'Enter an email address in the correct format, like name@example.com'],
  ])('shows an error summary and the field error on %s for %j', async (path, form, field, text) => {
    const { browser } = await signIn(e);
    const before: Array<[string, Record<string, string>]> = [
      ['business-type', { businessType: 'sole_trader' }],
      ['unique-taxpayer-reference', { utr: UTR }],
      ['postcode', { postcode: POSTCODE }],
      ['business-details', { businessName: 'Lovelace', addressLine1: '1 Road' }],
    ];
    for (const [p, f] of before.slice(0, before.findIndex(([p]) => p === path) < 0 ? before.length : before.findIndex(([p]) => p === path))) await answer(browser, p, f);
    const res = await answer(browser, path, form);
    expect(res.status).toBe(400);
    expect(res.text).toContain('data-testid="error-summary"');
    expect(res.text).toContain(`href="#${field}"`);
    expect(res.text).toContain(`id="${field}-error"`);
    expect(res.text).toContain(text.replace(/’/g, '’'));
    expect(res.text).toMatch(/<title>Error: /);
  });

  it('escapes what it reflects', async () => {
    const { browser } = await signIn(e);
    await answer(browser, 'business-type', { businessType: 'sole_trader' });
    const res = await answer(browser, 'unique-taxpayer-reference', { utr: '"><script>alert(1)</script>' });
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('says when the UTR and postcode match no business, and keeps pages in order', async () => {
    const { browser } = await signIn(e);
    expect(pathOf((await browser.get('/agent-subscription/check-answers')).headers.location)).toBe('/agent-subscription/business-type');
    await answer(browser, 'business-type', { businessType: 'limited_company' });
    await answer(browser, 'unique-taxpayer-reference', { utr: UTR });
    const res = await answer(browser, 'postcode', { postcode: 'ZZ1 1ZZ' });
    expect(res.text).toContain('We could not find your business');
    expect(pathOf((await browser.get('/agent-subscription/business-details')).headers.location)).toBe('/agent-subscription/postcode');
  });

  it('goes back to check answers after a change, and asks for the UTR again after the business type changes', async () => {
    const { browser } = await signIn(e);
    for (const [path, form] of [
      ['business-type', { businessType: 'sole_trader' }],
      ['unique-taxpayer-reference', { utr: UTR }],
      ['postcode', { postcode: POSTCODE }],
      ['business-details', { businessName: 'Lovelace', addressLine1: '1 Road' }],
      ['contact-email-address', { email: 'ada@example.com' }],
    ] as const) await answer(browser, path, form);
    const changed = await answer(browser, 'contact-email-address', { email: 'desk@example.com' });
    expect(pathOf(changed.headers.location)).toBe('/agent-subscription/check-answers');
    expect((await browser.get('/agent-subscription/check-answers')).text).toContain('desk@example.com');
    const type = await answer(browser, 'business-type', { businessType: 'llp' });
    expect(pathOf(type.headers.location)).toBe('/agent-subscription/unique-taxpayer-reference');
  });

  it('signs out, and shows sign-in again when the signed-in user no longer exists', async () => {
    const { browser } = await signIn(e);
    const out = await browser.get('/agent-subscription/sign-out');
    expect(pathOf(out.headers.location)).toBe('/agent-subscription/start');
    expect((await browser.get('/agent-subscription/start')).text).toContain('data-testid="user-id"');
    const again = (await signIn(e)).browser;
    await e.context.store.delete('accounts', AGENT);
    const page = await again.get('/agent-subscription/start');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="user-id"');
  });
});

describe('Create an agent services account: control API', () => {
  let e: Emulator;
  beforeEach(async () => {
    e = await setUp();
  });
  const create = (userId: string, body: Record<string, unknown> = {}) => request(e.app).post(`/_emulator/agents/${userId}/agent-services-account`).send(body);

  it('creates one in a call, checking the UTR and postcode, and the new user can call the agent APIs', async () => {
    const res = await create(AGENT, { businessType: 'sole_trader', utr: UTR, postcode: POSTCODE, email: 'desk@example.com' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ createdBy: AGENT, utr: UTR, businessName: 'Ada Lovelace', email: 'desk@example.com', address: { postcode: POSTCODE }, enrolment: { key: 'HMRC-AS-AGENT' } });
    const token = await userToken(e, res.body.userId, AGENT_SCOPES, res.body.password);
    expect((await request(e.app).get(`/agents/${res.body.arn}/invitations`).set('Accept', V2).set('Authorization', `Bearer ${token}`)).status).toBe(204);
    expect((await create(AGENT)).status).toBe(409);
    expect((await create(OTHER_AGENT, { utr: UTR, postcode: POSTCODE })).body.message).toContain('BUSINESS_ALREADY_SUBSCRIBED');
    expect((await create(res.body.userId)).body.message).toContain('ALREADY_HAS_ACCOUNT');
  });

  it('creates one without a known-facts check when no UTR is given', async () => {
    const res = await create(AGENT, { businessName: 'Ada Agents', addressLine1: '1 High Street' });
    expect(res.status).toBe(201);
    expect(res.body.utr).toBeUndefined();
    expect(res.body).toMatchObject({ businessName: 'Ada Agents', email: 'ada@example.com', address: { line1: '1 High Street', line2: '' } });
    expect(res.body.address.postcode).toMatch(/^[A-Z]{1,2}\d/);
  });

  it.each([
    [{ utr: UTR }, 400, 'postcode'],
    [{ utr: '1234567890', postcode: POSTCODE }, 400, 'Enter a valid Unique Taxpayer Reference'],
    [{ businessType: 'charity' }, 400, 'Select what type of business'],
    [{ email: 'nope' }, 400, 'email'],
    [{ utr: UTR, postcode: 'ZZ1 1ZZ' }, 404, 'BUSINESS_NOT_FOUND'],
  ])('refuses %j with %i', async (body, status, text) => {
    const res = await create(AGENT, body);
    expect(res.status).toBe(status);
    expect(res.body.message).toContain(text);
  });

  it('takes an agent made by Create Test User, whose agent API calls are refused until it has an account', async () => {
    const appToken = await applicationToken(e);
    const created = await request(e.app).post('/create-test-user/agents').set('Accept', JSON_V1).set('Authorization', `Bearer ${appToken}`).send({ serviceNames: [] });
    expect(created.status).toBe(201);
    const before = await userToken(e, created.body.userId, AGENT_SCOPES, created.body.password);
    const refused = await request(e.app).get('/agents/XARN1234567/invitations').set('Accept', V2).set('Authorization', `Bearer ${before}`);
    expect(refused.body.code).toBe('AGENT_NOT_SUBSCRIBED');
    const res = await create(created.body.userId, { businessType: 'partnership', utr: UTR, postcode: 'aa111aa' });
    expect(res.status).toBe(201);
    const after = await userToken(e, res.body.userId, AGENT_SCOPES, res.body.password);
    expect((await request(e.app).get(`/agents/${res.body.arn}/invitations`).set('Accept', V2).set('Authorization', `Bearer ${after}`)).status).toBe(204);
  });

  it('makes one account when the same agent asks twice at once', async () => {
    const answers = await Promise.all([create(AGENT), create(AGENT), create(AGENT)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await e.context.agents.servicesAccounts.list()).toHaveLength(1);
  });

  it('refuses an unknown user ID and a user who is not an agent', async () => {
    expect((await create('999999999999')).status).toBe(404);
    const individual = await create(TAXPAYER);
    expect(individual.status).toBe(400);
    expect(individual.body.message).toContain('NOT_AN_AGENT');
  });
});
