import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { addAccount, emulator, userToken } from '../support.js';

const ARN = 'NARN0396245';
const OTHER_ARN = 'XARN1234567';
const NINO = 'AA999999A';
const POSTCODE = 'AA11 1AA';
const VRN = '101747696';
const VAT_DATE = '2007-05-18';
const V1 = 'application/vnd.hmrc.1.0+json';
const V2 = 'application/vnd.hmrc.2.0+json';
const AGENT_SCOPES = 'read:sent-invitations write:sent-invitations write:cancel-invitations read:check-relationship write:relationships';
const DAY = 86_400_000;

const itsa = (extra: Record<string, unknown> = {}) => ({ service: 'MTD-IT', clientType: 'personal', clientIdType: 'ni', clientId: NINO, knownFact: POSTCODE, ...extra });
const vat = (extra: Record<string, unknown> = {}) => ({ service: 'MTD-VAT', clientType: 'business', clientIdType: 'vrn', clientId: VRN, knownFact: VAT_DATE, ...extra });

async function setUp(): Promise<{ e: Emulator; token: string }> {
  const e = await emulator();
  await addAccount(e, {
    userId: '900000000001',
    affinityGroup: 'Agent',
    userFullName: 'Agent One',
    identifiers: { agentServicesAccountNumber: ARN },
    enrolments: [{ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: ARN }] }],
  });
  await addAccount(e, {
    userId: '900000000002',
    affinityGroup: 'Individual',
    identifiers: { nino: NINO },
    individualDetails: { firstName: 'Ida', lastName: 'Newton', dateOfBirth: '1960-06-01', address: { line1: '1 Abbey Road', line2: 'Aberdeen', postcode: POSTCODE } },
    enrolments: [{ key: 'HMRC-MTD-IT', identifiers: [{ key: 'MTDITID', value: 'XJIT00000328268' }] }],
  });
  await addAccount(e, {
    userId: '900000000003',
    affinityGroup: 'Organisation',
    identifiers: { vrn: VRN, vatRegistrationDate: VAT_DATE },
    organisationDetails: { name: 'Company ABC123', address: { line1: '2 Abbey Road', line2: 'Aberdeen', postcode: 'TS1 1PA' } },
    enrolments: [{ key: 'HMRC-MTD-VAT', identifiers: [{ key: 'VRN', value: VRN }] }],
  });
  return { e, token: await agentToken(e) };
}

const agentToken = (e: Emulator): Promise<string> => userToken(e, '900000000001', AGENT_SCOPES);

function call(e: Emulator, token: string, method: 'get' | 'post' | 'put' | 'delete', path: string, body?: unknown, accept = V2) {
  const req = request(e.app)[method](path).set('Accept', accept).set('Authorization', `Bearer ${token}`);
  return body === undefined ? req : req.send(body as object);
}

async function create(e: Emulator, token: string, body: unknown = itsa()): Promise<string> {
  const res = await call(e, token, 'post', `/agents/${ARN}/invitations`, body);
  expect(res.status).toBe(204);
  return String(res.headers.location);
}

describe('Agent Authorisation API: authorisation requests', () => {
  let e: Emulator;
  let token: string;
  beforeEach(async () => ({ e, token } = await setUp()));

  it('creates a request with 204 and its Location, and shows it Pending for 21 days', async () => {
    const location = await create(e, token);
    expect(location).toMatch(new RegExp(`^/agents/${ARN}/invitations/A[A-Z1-9]{12}$`));
    const res = await call(e, token, 'get', location);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      _links: { self: { href: location } },
      created: '2026-01-15T09:00:00.000Z',
      expiresOn: '2026-02-05T00:00:00.000',
      arn: ARN,
      service: 'MTD-IT',
      status: 'Pending',
      clientActionUrl: expect.stringMatching(/^http:\/\/localhost:\d+\/agent-client-relationships\/appoint-someone-to-deal-with-HMRC-for-you\/[A-Z1-9]{8}\/agent-one\/income-tax$/),
      agentType: 'main',
    });
  });

  it('shows the service as a one-element array in version 1.0 and accepts array bodies', async () => {
    const location = await create(e, token, vat({ service: ['MTD-VAT'] }));
    const res = await call(e, token, 'get', location, undefined, V1);
    expect(res.body.service).toEqual(['MTD-VAT']);
    expect(res.body).not.toHaveProperty('agentType');
    expect(location).toMatch(/\/invitations\/C/);
  });

  it('lists the last 30 days of requests newest first, or answers 204 when there are none', async () => {
    expect((await call(e, token, 'get', `/agents/${ARN}/invitations`)).status).toBe(204);
    const first = await create(e, token);
    e.context.clock.advance(1000);
    const second = await create(e, token, vat());
    const res = await call(e, token, 'get', `/agents/${ARN}/invitations`);
    expect(res.status).toBe(200);
    expect(res.body.map((i: { _links: { self: { href: string } } }) => i._links.self.href)).toEqual([second, first]);
    e.context.clock.advance(31 * DAY);
    token = await agentToken(e);
    expect((await call(e, token, 'get', `/agents/${ARN}/invitations`)).status).toBe(204);
  });

  it.each([
    ['a body that is not JSON', 'service=MTD-IT', 400, 'INVALID_PAYLOAD'],
    ['a missing client ID', { service: 'MTD-IT', clientType: 'personal', clientIdType: 'ni', knownFact: POSTCODE }, 400, 'INVALID_PAYLOAD'],
    ['a JSON array', [itsa()], 400, 'INVALID_PAYLOAD'],
    ['a service array of two', itsa({ service: ['MTD-IT', 'MTD-VAT'] }), 400, 'INVALID_PAYLOAD'],
    ['a numeric client ID', itsa({ clientId: 123 }), 400, 'INVALID_PAYLOAD'],
    ['an unknown service', itsa({ service: 'MTD-CGT' }), 400, 'SERVICE_NOT_SUPPORTED'],
    ['an unknown agent type', itsa({ agentType: 'backup' }), 400, 'AGENT_TYPE_NOT_SUPPORTED'],
    ['a supporting agent for VAT', vat({ agentType: 'supporting' }), 400, 'AGENT_TYPE_NOT_SUPPORTED'],
    ['a business client for Income Tax', itsa({ clientType: 'business' }), 400, 'CLIENT_TYPE_NOT_SUPPORTED'],
    ['a malformed NINO', itsa({ clientId: 'AA99999' }), 400, 'CLIENT_ID_FORMAT_INVALID'],
    ['a VRN for Income Tax', itsa({ clientId: VRN }), 400, 'CLIENT_ID_DOES_NOT_MATCH_SERVICE'],
    ['a NINO for VAT', vat({ clientId: NINO }), 400, 'CLIENT_ID_DOES_NOT_MATCH_SERVICE'],
    ['the wrong client ID type', itsa({ clientIdType: 'vrn' }), 400, 'CLIENT_ID_DOES_NOT_MATCH_SERVICE'],
    ['a malformed postcode', itsa({ knownFact: 'NOT A POSTCODE' }), 400, 'POSTCODE_FORMAT_INVALID'],
    ['a postcode in lower case', itsa({ knownFact: 'aa11 1aa' }), 400, 'POSTCODE_FORMAT_INVALID'],
    ['a hostile client ID', itsa({ clientId: '<script>'.repeat(500) }), 400, 'CLIENT_ID_FORMAT_INVALID'],
    ['an impossible VAT registration date', vat({ knownFact: '2007-02-30' }), 400, 'VAT_REG_DATE_FORMAT_INVALID'],
    ['a NINO HMRC has no record of', itsa({ clientId: 'AB123456C' }), 403, 'CLIENT_REGISTRATION_NOT_FOUND'],
    ['a VRN HMRC has no record of', vat({ clientId: '123456789' }), 403, 'CLIENT_REGISTRATION_NOT_FOUND'],
    ['a postcode that does not match', itsa({ knownFact: 'TS1 1PA' }), 403, 'POSTCODE_DOES_NOT_MATCH'],
    ['a VAT registration date that does not match', vat({ knownFact: '2008-05-18' }), 403, 'VAT_REG_DATE_DOES_NOT_MATCH'],
  ])('refuses %s', async (_name, body, status, code) => {
    const req = call(e, token, 'post', `/agents/${ARN}/invitations`);
    const res = await (typeof body === 'string' ? req.type('form').send(body) : req.send(body));
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(typeof res.body.message).toBe('string');
  });

  it('accepts a postcode without its space, and a NINO with spaces', async () => {
    await create(e, token, itsa({ clientId: 'AA 99 99 99 A', knownFact: 'AA111AA' }));
  });

  it('refuses a second pending request for the same client with DUPLICATE_AUTHORISATION_REQUEST and its Location', async () => {
    const location = await create(e, token);
    const res = await call(e, token, 'post', `/agents/${ARN}/invitations`, itsa({ agentType: 'supporting' }));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('DUPLICATE_AUTHORISATION_REQUEST');
    expect(res.headers.location).toBe(location);
  });

  it('refuses a request once the client has authorised the agent, with ALREADY_AUTHORISED', async () => {
    const location = await create(e, token);
    expect((await request(e.app).put(`/agent-authorisation-test-support/invitations/${location.split('/').pop()}`).set('Accept', V1)).status).toBe(204);
    const res = await call(e, token, 'post', `/agents/${ARN}/invitations`, itsa());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ALREADY_AUTHORISED');
  });

  it('cancels a pending request, then refuses to cancel it again with INVALID_INVITATION_STATUS', async () => {
    const location = await create(e, token);
    expect((await call(e, token, 'delete', location)).status).toBe(204);
    const got = await call(e, token, 'get', location);
    expect(got.body).toMatchObject({ status: 'Cancelled', updated: '2026-01-15T09:00:00.000Z' });
    expect(got.body).not.toHaveProperty('clientActionUrl');
    expect(got.body).not.toHaveProperty('expiresOn');
    const again = await call(e, token, 'delete', location);
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('INVALID_INVITATION_STATUS');
  });

  it('answers INVITATION_NOT_FOUND for an unknown request and BAD_REQUEST for something that is not an invitation ID', async () => {
    const unknown = await call(e, token, 'get', `/agents/${ARN}/invitations/CS5AK7O8FPC43`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 'INVITATION_NOT_FOUND', message: 'The authorisation request cannot be found.' });
    expect((await call(e, token, 'delete', `/agents/${ARN}/invitations/CS5AK7O8FPC43`)).status).toBe(404);
    const bad = await call(e, token, 'get', `/agents/${ARN}/invitations/not-an-id`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
  });

  it("refuses to show or cancel another agency's request with NO_PERMISSION_ON_AGENCY", async () => {
    const theirs = await e.context.agents.invitations.create({ arn: OTHER_ARN, service: 'MTD-IT', clientType: 'personal', clientId: NINO });
    const path = `/agents/${ARN}/invitations/${theirs.invitationId}`;
    expect((await call(e, token, 'get', path)).body.code).toBe('NO_PERMISSION_ON_AGENCY');
    expect((await call(e, token, 'delete', path)).body.code).toBe('NO_PERMISSION_ON_AGENCY');
    expect((await e.context.agents.invitations.find(theirs.invitationId))!.status).toBe('Pending');
  });

  it('answers a body that is not JSON at all, and an oversized invitation ID, with a 400', async () => {
    const garbled = await call(e, token, 'post', `/agents/${ARN}/invitations`).set('Content-Type', 'application/json').send('{"service":');
    expect(garbled.status).toBe(400);
    expect((await call(e, token, 'get', `/agents/${ARN}/invitations/${'A'.repeat(5000)}`)).status).toBe(400);
  });

  it('answers VAT_CLIENT_INSOLVENT and ALREADY_BEING_PROCESSED when a test queues them, once each', async () => {
    expect((await request(e.app).post('/_emulator/agents/outcomes').send({ id: 'VAT_CLIENT_INSOLVENT' })).status).toBe(201);
    expect((await request(e.app).post('/_emulator/agents/outcomes').send({ id: 'ALREADY_BEING_PROCESSED', times: 2 })).status).toBe(201);
    const insolvent = await call(e, token, 'post', `/agents/${ARN}/invitations`, vat());
    expect(insolvent.status).toBe(403);
    expect(insolvent.body).toEqual({ code: 'VAT_CLIENT_INSOLVENT', message: 'The Vat registration number belongs to a customer that is insolvent.' });
    expect((await call(e, token, 'post', `/agents/${ARN}/invitations`, vat())).body.code).toBe('ALREADY_BEING_PROCESSED');
    expect((await call(e, token, 'post', `/agents/${ARN}/invitations`, itsa())).body.code).toBe('ALREADY_BEING_PROCESSED');
    expect((await call(e, token, 'post', `/agents/${ARN}/invitations`, itsa())).status).toBe(204);
    expect((await request(e.app).get('/_emulator/agents/outcomes')).body.queued).toEqual([]);
    expect((await request(e.app).post('/_emulator/agents/outcomes').send({ id: 'NOPE' })).status).toBe(400);
  });

  it('expires a request after 21 days on the virtual clock: Expired, no longer acceptable or cancellable, and a new one may be sent', async () => {
    const location = await create(e, token);
    const id = location.split('/').pop()!;
    e.context.clock.advance(20 * DAY);
    token = await agentToken(e); // access tokens last 4 hours
    expect((await call(e, token, 'get', location)).body.status).toBe('Pending');
    e.context.clock.advance(DAY);
    token = await agentToken(e);
    const expired = await call(e, token, 'get', location);
    expect(expired.body).toMatchObject({ status: 'Expired', updated: '2026-02-05T00:00:00.000Z' });
    const accept = await request(e.app).put(`/agent-authorisation-test-support/invitations/${id}`).set('Accept', V1);
    expect(accept.status).toBe(409);
    expect((await call(e, token, 'delete', location)).body.code).toBe('INVALID_INVITATION_STATUS');
    await create(e, token);
  });
});

describe('Agent Authorisation API: who may call it', () => {
  let e: Emulator;
  let token: string;
  beforeEach(async () => ({ e, token } = await setUp()));

  it('refuses a client with NOT_AN_AGENT', async () => {
    const clientToken = await userToken(e, '900000000002', 'read:sent-invitations');
    const res = await call(e, clientToken, 'get', `/agents/${ARN}/invitations`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NOT_AN_AGENT');
  });

  it('refuses an agent without an agent services account with AGENT_NOT_SUBSCRIBED', async () => {
    await addAccount(e, { userId: '900000000009', affinityGroup: 'Agent' });
    const res = await call(e, await userToken(e, '900000000009', 'read:sent-invitations'), 'get', `/agents/${ARN}/invitations`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AGENT_NOT_SUBSCRIBED');
  });

  it("refuses another agency's ARN in the path with NO_PERMISSION_ON_AGENCY", async () => {
    const res = await call(e, token, 'post', `/agents/${OTHER_ARN}/invitations`, itsa());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NO_PERMISSION_ON_AGENCY');
  });

  it('needs the scope of each endpoint', async () => {
    const readOnly = await userToken(e, '900000000001', 'read:sent-invitations');
    const res = await call(e, readOnly, 'post', `/agents/${ARN}/invitations`, itsa());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('INVALID_SCOPE');
  });

  it.each([
    ['no Accept header', undefined, 406, { code: 'ACCEPT_HEADER_INVALID', message: "Missing 'Accept' header." }],
    ['a plain JSON Accept header', 'application/json', 406, { code: 'ACCEPT_HEADER_INVALID', message: "Invalid 'Accept' header." }],
    ['an XML Accept header', 'application/vnd.hmrc.2.0+xml', 400, { code: 'BAD_REQUEST', message: 'Missing or unsupported content-type.' }],
    ['an unknown version', 'application/vnd.hmrc.9.0+json', 404, { code: 'NOT_FOUND', message: 'The requested resource could not be found' }],
  ])("answers %s with the API's own error", async (_name, accept, status, body) => {
    const req = request(e.app).get(`/agents/${ARN}/invitations`).set('Authorization', `Bearer ${token}`);
    if (accept) req.set('Accept', accept);
    const res = await req;
    expect(res.status).toBe(status);
    expect(res.body).toEqual(body);
  });

  it("leaves other APIs' Accept errors to the gateway", async () => {
    const res = await request(e.app).get('/hello/world');
    expect(res.body).toEqual({ code: 'ACCEPT_HEADER_INVALID', message: 'The accept header is missing or invalid' });
  });
});

describe('Agent Authorisation API: relationships', () => {
  let e: Emulator;
  let token: string;
  beforeEach(async () => ({ e, token } = await setUp()));

  const check = (body: unknown) => call(e, token, 'post', `/agents/${ARN}/relationships`, body);
  const checkItsa = (extra: Record<string, unknown> = {}) => ({ service: 'MTD-IT', clientIdType: 'ni', clientId: NINO, knownFact: POSTCODE, ...extra });

  async function accept(location: string): Promise<void> {
    const res = await request(e.app).put(`/agent-authorisation-test-support/invitations/${location.split('/').pop()}`).set('Accept', V1);
    expect(res.status).toBe(204);
  }

  it('answers RELATIONSHIP_NOT_FOUND before the client accepts and 204 after', async () => {
    const location = await create(e, token);
    const before = await check(checkItsa());
    expect(before.status).toBe(404);
    expect(before.body).toEqual({ code: 'RELATIONSHIP_NOT_FOUND', message: 'Relationship is inactive. Agent is not authorised to act for this client.' });
    await accept(location);
    expect((await check(checkItsa())).status).toBe(204);
    expect((await check(checkItsa({ agentType: 'main' }))).status).toBe(204);
    expect((await check(checkItsa({ agentType: 'supporting' }))).status).toBe(404);
    expect((await call(e, token, 'get', location)).body.status).toBe('Accepted');
  });

  it('checks the known fact before the relationship', async () => {
    expect((await check(checkItsa({ knownFact: 'TS1 1PA' }))).body.code).toBe('POSTCODE_DOES_NOT_MATCH');
    expect((await check({ service: 'MTD-VAT', clientIdType: 'vrn', clientId: VRN, knownFact: '2001-01-01' })).body.code).toBe('VAT_REG_DATE_DOES_NOT_MATCH');
    expect((await check({ service: 'MTD-VAT', clientIdType: 'vrn', clientId: VRN, knownFact: VAT_DATE })).status).toBe(404);
    expect((await check(checkItsa({ clientId: 'AB123456C' }))).body.code).toBe('CLIENT_REGISTRATION_NOT_FOUND');
  });

  it('makes a supporting-agent relationship from a supporting request', async () => {
    await accept(await create(e, token, itsa({ agentType: 'supporting' })));
    expect((await check(checkItsa({ agentType: 'supporting' }))).status).toBe(204);
    expect(await e.context.relationships.find(ARN, 'MTD-IT', NINO)).toMatchObject({ agentType: 'supporting' });
  });

  it('de-authorises a client in version 2.0: 204, then NO_RELATIONSHIP, and the request shows Deauthorised', async () => {
    const location = await create(e, token, vat());
    await accept(location);
    const body = { service: 'MTD-VAT', clientType: 'business', clientIdType: 'vrn', clientId: VRN };
    expect((await call(e, token, 'put', `/agents/${ARN}/deauthorise-client`, body)).status).toBe(204);
    expect(await e.context.relationships.find(ARN, 'MTD-VAT', VRN)).toBeUndefined();
    expect((await call(e, token, 'get', location)).body.status).toBe('Deauthorised');
    const again = await call(e, token, 'put', `/agents/${ARN}/deauthorise-client`, body);
    expect(again.status).toBe(403);
    expect(again.body).toEqual({ code: 'NO_RELATIONSHIP', message: 'The specified relationship does not exist.' });
  });

  it('has no de-authorise resource in version 1.0', async () => {
    const res = await call(e, token, 'put', `/agents/${ARN}/deauthorise-client`, itsa(), V1);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('MATCHING_RESOURCE_NOT_FOUND');
  });

  it('gives a main agent a partial authorisation for a client not signed up to MTD Income Tax: checked as 204, no relationship, de-authorisable', async () => {
    await addAccount(e, { userId: '900000000004', affinityGroup: 'Individual', identifiers: { nino: 'AB123456C' }, individualDetails: { firstName: 'A', lastName: 'B', dateOfBirth: '1970-01-01', address: { line1: '1', line2: '2', postcode: 'TS1 1PA' } } });
    const body = itsa({ clientId: 'AB123456C', knownFact: 'TS1 1PA' });
    const location = await create(e, token, body);
    await accept(location);
    expect((await call(e, token, 'get', location)).body.status).toBe('Partialauth');
    expect(await e.context.relationships.find(ARN, 'MTD-IT', 'AB123456C')).toBeUndefined();
    expect((await check({ ...body, clientType: undefined })).status).toBe(204);
    expect((await call(e, token, 'post', `/agents/${ARN}/invitations`, body)).body.code).toBe('ALREADY_AUTHORISED');
    const { knownFact: _k, ...deauthorise } = body;
    expect((await call(e, token, 'put', `/agents/${ARN}/deauthorise-client`, deauthorise)).status).toBe(204);
    expect((await call(e, token, 'get', location)).body.status).toBe('Deauthorised');
    expect((await check({ ...body, clientType: undefined })).status).toBe(404);
  });

  it("ends another agency's main relationship when the client accepts a new main agent", async () => {
    await e.context.relationships.add({ arn: OTHER_ARN, service: 'MTD-IT', clientId: NINO, agentType: 'main', since: '2025-01-01T00:00:00.000Z' });
    await e.context.relationships.add({ arn: 'YARN7654321', service: 'MTD-IT', clientId: NINO, agentType: 'supporting', since: '2025-01-01T00:00:00.000Z' });
    await accept(await create(e, token));
    expect(await e.context.relationships.find(OTHER_ARN, 'MTD-IT', NINO)).toBeUndefined();
    expect(await e.context.relationships.find('YARN7654321', 'MTD-IT', NINO)).toBeDefined();
    expect(await e.context.relationships.find(ARN, 'MTD-IT', NINO)).toMatchObject({ agentType: 'main' });
  });
});
