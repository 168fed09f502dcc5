import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { isValidArn } from '../../emulator/accounts/identifiers/arn.js';
import { isValidMtdItId } from '../../emulator/accounts/identifiers/mtd-it-id.js';
import { isValidNino } from '../../emulator/accounts/identifiers/nino.js';
import { isValidUtr } from '../../emulator/accounts/identifiers/utr.js';
import { isValidVrn } from '../../emulator/accounts/identifiers/vrn.js';
import { applicationToken, authorize, emulator, exchange, JSON_V1 } from '../support.js';

let e: Emulator;
let token: string;

beforeEach(async () => {
  e = await emulator();
  token = await applicationToken(e);
});

const post = (path: string, body?: unknown) => {
  const r = request(e.app).post(`/create-test-user/${path}`).set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`);
  return body === undefined ? r : r.send(body as object);
};

describe('Create Test User API', () => {
  it('creates an individual with the flattened identifiers of the services asked for', async () => {
    const res = await post('individuals', { serviceNames: ['national-insurance', 'self-assessment', 'mtd-income-tax', 'mtd-vat', 'customs-services'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ userId: expect.stringMatching(/^\d{12}$/), password: expect.stringMatching(/^[A-Za-z0-9]{12}$/), groupIdentifier: expect.stringMatching(/^\d{12}$/) });
    expect(res.body.individualDetails).toMatchObject({ firstName: expect.any(String), lastName: expect.any(String), dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(res.body.userFullName).toBe(`${res.body.individualDetails.firstName} ${res.body.individualDetails.lastName}`);
    expect(res.body.emailAddress).toMatch(/^[a-z0-9]+\.[a-z0-9]+@example\.com$/);
    expect(isValidNino(res.body.nino)).toBe(true);
    expect(isValidUtr(res.body.saUtr)).toBe(true);
    expect(isValidMtdItId(res.body.mtdItId)).toBe(true);
    expect(isValidVrn(res.body.vrn)).toBe(true);
    expect(res.body.vatRegistrationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.eoriNumber).toMatch(/^GB\d{12}$/);
    expect(res.body.organisationDetails).toBeUndefined();
  });

  it('stores the user with the enrolments HMRC grants for its services', async () => {
    const res = await post('individuals', { serviceNames: ['self-assessment', 'mtd-income-tax', 'mtd-vat'] });
    const account = await e.context.accounts.find(res.body.userId);
    expect(account?.enrolments).toEqual([
      { key: 'IR-SA', identifiers: [{ key: 'UTR', value: res.body.saUtr }] },
      { key: 'HMRC-MTD-IT', identifiers: [{ key: 'MTDITID', value: res.body.mtdItId }] },
      { key: 'HMRC-MTD-VAT', identifiers: [{ key: 'VRN', value: res.body.vrn }] },
    ]);
    expect(account?.passwordHash).not.toContain(res.body.password);
  });

  it('creates an organisation with organisation and contact details, CT UTR, CRN, employer reference and taxPayerType', async () => {
    const res = await post('organisations', { serviceNames: ['corporation-tax', 'paye-for-employers', 'self-assessment', 'lisa', 'pillar-2'], taxpayerType: 'Partnership' });
    expect(res.status).toBe(201);
    expect(res.body.organisationDetails).toMatchObject({ name: expect.stringMatching(/^Company [A-Z0-9]{6}$/), address: { line1: expect.any(String), line2: expect.any(String), postcode: expect.any(String) } });
    expect(res.body.individualDetails).toMatchObject({ firstName: expect.any(String), dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(isValidUtr(res.body.ctUtr)).toBe(true);
    expect(res.body.crn).toMatch(/^[0-8]{10}$/);
    expect(res.body.empRef).toMatch(/^\d{3}\/[A-Z0-9]{10}$/);
    expect(res.body.taxPayerType).toBe('Partnership');
    expect(res.body.lisaManagerReferenceNumber).toMatch(/^Z(\d{4}|\d{6})$/);
    expect(res.body.pillar2Id).toMatch(/^X[A-Z]PLR\d{10}$/);
    const account = await e.context.accounts.find(res.body.userId);
    const [office, reference] = res.body.empRef.split('/');
    expect(account?.enrolments).toContainEqual({ key: 'IR-PAYE', identifiers: [{ key: 'TaxOfficeNumber', value: office }, { key: 'TaxOfficeReference', value: reference }] });
  });

  it('creates an agent with an ARN, an agent code and the HMRC-AS-AGENT enrolment', async () => {
    const res = await post('agents', { serviceNames: ['agent-services'] });
    expect(res.status).toBe(201);
    expect(isValidArn(res.body.agentServicesAccountNumber)).toBe(true);
    expect(res.body.agentCode).toMatch(/^\d{10}$/);
    expect(res.body.individualDetails).toBeUndefined();
    const account = await e.context.accounts.find(res.body.userId);
    expect(account?.affinityGroup).toBe('Agent');
    expect(account?.enrolments).toEqual([{ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: res.body.agentServicesAccountNumber }] }]);
  });

  it('creates a user with no enrolments when there is no body', async () => {
    const res = await post('individuals');
    expect(res.status).toBe(201);
    expect(res.body.nino).toBeUndefined();
    expect((await e.context.accounts.find(res.body.userId))?.enrolments).toEqual([]);
  });

  it('lets a created user sign in at once and call a user-restricted endpoint', async () => {
    const created = (await post('individuals', { serviceNames: ['mtd-income-tax'] })).body;
    const { code } = await authorize(e, { userId: created.userId, password: created.password, scope: 'hello' });
    const tokens = await exchange(e, code!);
    expect(tokens.status).toBe(200);
    const hello = await request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${tokens.body.access_token}`);
    expect(hello.body).toEqual({ message: 'Hello User' });
  });

  it('uses a supplied nino and refuses it the second time with NINO_ALREADY_USED', async () => {
    const first = await post('individuals', { serviceNames: ['national-insurance'], nino: 'PE938808A' });
    expect(first.body.nino).toBe('PE938808A');
    const again = await post('individuals', { serviceNames: ['national-insurance'], nino: 'PE938808A' });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ code: 'NINO_ALREADY_USED', message: 'The nino specified has already been used' });
  });

  it('refuses a supplied pillar2Id already used with PILLAR2_ID_ALREADY_USED', async () => {
    await post('organisations', { serviceNames: ['pillar-2'], pillar2Id: 'XMPLR0123456789' });
    const again = await post('organisations', { serviceNames: ['pillar-2'], pillar2Id: 'XMPLR0123456789' });
    expect(again.body).toEqual({ code: 'PILLAR2_ID_ALREADY_USED', message: 'The pillar2Id specified has already been used' });
  });

  it('never hands out an identifier twice', async () => {
    const vrns = new Set<string>();
    for (let i = 0; i < 20; i++) vrns.add((await post('organisations', { serviceNames: ['mtd-vat'] })).body.vrn);
    expect(vrns.size).toBe(20);
  });

  it.each([
    ['an unknown service name', 'individuals', { serviceNames: ['mtd-nonsense'] }, /Unknown service name: "mtd-nonsense"/],
    ['a service the user type cannot have', 'individuals', { serviceNames: ['corporation-tax'] }, /corporation-tax is not available to INDIVIDUAL/],
    ['agent services for an individual', 'individuals', { serviceNames: ['agent-services'] }, /agent-services is not available/],
    ['serviceNames that is not an array', 'agents', { serviceNames: 'agent-services' }, /serviceNames must be an array/],
    ['a JSON array body', 'individuals', ['mtd-vat'], /must be a JSON object/],
    ['a malformed nino', 'individuals', { serviceNames: ['national-insurance'], nino: 'NOTANINO' }, /nino "NOTANINO" is not valid/],
    ['a malformed excise number', 'organisations', { serviceNames: [], exciseNumber: 'x' }, /exciseNumber "x" is not valid/],
    ['a bad taxpayer type', 'organisations', { serviceNames: ['self-assessment'], taxpayerType: 'Trust' }, /taxPayerType/],
  ])('answers %s with 400 BAD_REQUEST naming the problem', async (_what, path, body, message) => {
    const res = await post(path, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    expect(res.body.message).toMatch(message);
  });

  it('answers invalid JSON with 400', async () => {
    const res = await post('individuals').set('Content-Type', 'application/json').send('{"serviceNames": [');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
  });

  it('answers a body that is not JSON with 400', async () => {
    const res = await post('individuals').set('Content-Type', 'text/plain').send('serviceNames=mtd-vat');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'BAD_REQUEST', message: 'The request body must be JSON, sent with Content-Type: application/json' });
  });

  it('lists the 20 public services with their allowed user types, as HMRC does', async () => {
    const res = await request(e.app).get('/create-test-user/services').set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(20);
    expect(res.body[0]).toEqual({ key: 'national-insurance', name: 'National Insurance', allowedUserTypes: ['INDIVIDUAL', 'ORGANISATION'] });
    expect(res.body).toContainEqual({ key: 'pillar-2', name: 'Pillar 2', allowedUserTypes: ['ORGANISATION', 'AGENT'] });
    expect(res.body.map((s: { key: string }) => s.key)).not.toContain('tax-free-childcare-payments');
  });

  it('is application-restricted: no token gives MISSING_CREDENTIALS', async () => {
    const res = await request(e.app).post('/create-test-user/individuals').set('Accept', JSON_V1).send({ serviceNames: [] });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('MISSING_CREDENTIALS');
  });

  it('gives the same users in the same order for the same seed', async () => {
    const first = (await post('individuals', { serviceNames: ['mtd-income-tax'] })).body;
    const other = await emulator();
    const otherToken = await applicationToken(other);
    const second = (await request(other.app).post('/create-test-user/individuals').set('Accept', JSON_V1).set('Authorization', `Bearer ${otherToken}`).send({ serviceNames: ['mtd-income-tax'] })).body;
    expect(second).toEqual(first);
  });
});
