import request from 'supertest';
import { expect } from 'vitest';
import type { Account } from '../../emulator/accounts/account.js';
import type { Emulator } from '../../emulator/app.js';
import { addAccount, emulator, pathOf, TEST_PASSWORD } from '../support.js';

/** Helpers shared by the sign-up tests: accounts, a browser-like agent that keeps cookies, form posts with the CSRF token. */
export const SIGN_UP = '/report-quarterly/income-and-expenses/sign-up';
export const AGENT_JOURNEY = `${SIGN_UP}/client`;
export const ARN = 'NARN0396245';

export type Browser = ReturnType<typeof request.agent>;

export async function addAgent(e: Emulator, userId = '900000000001'): Promise<Account> {
  return addAccount(e, {
    userId,
    affinityGroup: 'Agent',
    userFullName: 'Ada Agent',
    emailAddress: 'ada.agent@example.com',
    identifiers: { agentServicesAccountNumber: ARN, agentCode: '1234567890' },
    enrolments: [{ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: ARN }] }],
    serviceNames: ['agent-services'],
  });
}

export async function addIndividual(e: Emulator, userId = '900000000002', nino = 'PE938808A', postcode = 'TS1 1PA'): Promise<Account> {
  return addAccount(e, {
    userId,
    affinityGroup: 'Individual',
    userFullName: 'Ida Newton',
    emailAddress: 'ida.newton@example.com',
    individualDetails: { firstName: 'Ida', lastName: 'Newton', dateOfBirth: '1960-06-01', address: { line1: '45 Springfield Rise', line2: 'Glasgow', postcode } },
    identifiers: { nino, saUtr: '1000057161' },
    serviceNames: ['national-insurance', 'self-assessment'],
  });
}

export async function addOrganisation(e: Emulator, userId = '900000000003', nino: string | null = 'AB123456C'): Promise<Account> {
  return addAccount(e, {
    userId,
    affinityGroup: 'Organisation',
    userFullName: 'Olive Org',
    emailAddress: 'olive.org@example.com',
    organisationDetails: { name: 'Company ABF123', address: { line1: '1 Abbey Road', line2: 'Aberdeen', postcode: 'TS2 1PA' } },
    identifiers: nino ? { nino, saUtr: '8000083480' } : {},
    serviceNames: nino ? ['national-insurance', 'self-assessment'] : [],
  });
}

export function csrfOf(html: string): string {
  const m = /name="csrfToken" value="([^"]+)"/.exec(html);
  if (!m) throw new Error(`no CSRF token in page:\n${html.slice(0, 500)}`);
  return m[1]!;
}

/** GETs `path` for its CSRF token, then posts the form there. */
export async function submitForm(browser: Browser, path: string, fields: Record<string, string>): Promise<request.Response> {
  const page = await browser.get(path);
  expect(page.status, `GET ${path}: ${page.headers.location ?? ''}`).toBe(200);
  return browser.post(path).type('form').send({ csrfToken: csrfOf(page.text), ...fields });
}

export async function signIn(e: Emulator, journeyBase: string, userId: string, password = TEST_PASSWORD): Promise<{ browser: Browser; res: request.Response }> {
  const browser = request.agent(e.app);
  const res = await submitForm(browser, `${journeyBase}/sign-in`, { userId, password });
  return { browser, res };
}

export function location(res: request.Response): string {
  return pathOf(res.headers.location);
}

/** The newest email to `to`, and its first link as a path. */
export async function lastEmail(e: Emulator, to: string): Promise<{ subject: string; body: string; link?: string }> {
  const emails = await e.context.messages.list({ channel: 'email', to });
  const m = emails.at(-1);
  if (!m) throw new Error(`no email to ${to}`);
  return { subject: m.subject ?? '', body: m.body, link: m.links?.[0] ? pathOf(m.links[0]) : undefined };
}

export const DAY = 24 * 3600 * 1000;

/** An agent signed in to the sign-up journey who has given a client and an email address not yet confirmed. */
export async function agentWithPendingEmail(): Promise<{ e: Emulator; browser: Browser; link: string }> {
  const e = await emulator();
  const agent = await addAgent(e);
  await addIndividual(e);
  const { browser } = await signIn(e, AGENT_JOURNEY, agent.userId);
  await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'PE938808A', postcode: 'TS1 1PA' });
  await submitForm(browser, `${AGENT_JOURNEY}/email`, { email: 'agent@agency.example' });
  const { link } = await lastEmail(e, 'agent@agency.example');
  return { e, browser, link: link! };
}
