import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { ControlContract } from '../control-contract.js';
import { addAccount, authorize, CLIENT_ID, emulator, exchange } from '../support.js';
import { addAgent, addIndividual, ARN } from './sign-up-support.js';

type Call = [method: 'get' | 'post' | 'delete', path: string, body?: object];

/**
 * Calls every route of the control API, answers that succeed and answers that refuse, and checks each response
 * against the OpenAPI document the emulator serves (`GET /_emulator/openapi.json`): a route added without being
 * documented, or answering other than documented, fails here.
 */
describe('the control API as its OpenAPI document describes it', () => {
  let e: Emulator;
  let contract: ControlContract;
  const call = async ([method, path, body]: Call): Promise<request.Response> => {
    const req = request(e.app)[method](`/_emulator${path}`);
    const res = body ? await req.send(body) : await req;
    contract.check(method, path.split('?')[0]!, res);
    return res;
  };

  beforeAll(async () => {
    e = await emulator();
    const doc = await request(e.app).get('/_emulator/openapi.json');
    expect(doc.status).toBe(200);
    contract = new ControlContract(doc.body);
    contract.check('get', '/openapi.json', doc);
    await addAgent(e);
    await addIndividual(e);
    await addAccount(e, { userId: '900000000009', affinityGroup: 'Individual', twoStepVerification: { method: 'app', totpSecret: 'JBSWY3DPEHPK3PXP' } });
    await addAccount(e, { userId: '900000000020', affinityGroup: 'Agent' });
    const { code } = await authorize(e);
    await exchange(e, code!);
  });

  it('is an OpenAPI 3.1 document whose every schema compiles and whose every operation has an id and responses', () => {
    expect(contract.document).toMatchObject({ openapi: '3.1.0', servers: [{ url: '/_emulator' }] });
    const ids = contract.operations();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(30);
    expect(contract.compileAll()).toBeGreaterThan(ids.length);
  });

  it('answers every documented operation as documented, successes and refusals alike', async () => {
    const invitation = await e.context.agents.invitations.create({ arn: ARN, service: 'MTD-VAT', clientType: 'business', clientId: '101747696' });
    const second = await e.context.agents.invitations.create({ arn: ARN, service: 'MTD-VAT', clientType: 'business', clientId: '101747697' });
    const calls: Call[] = [
      ['get', '/health'],
      ['get', '/'],
      ['get', '/dashboard.js'],
      ['post', '/session', {}],
      ['post', '/sign-out'],
      ['get', '/clock'],
      ['post', '/clock/advance', { by: 'PT10M' }],
      ['post', '/clock/advance', { by: 'soon' }],
      ['get', `/journal?clientId=${CLIENT_ID}&path=/oauth`],
      ['get', '/journal?since=x'],
      ['get', '/faults'],
      ['post', '/faults', { id: 'api-slow', times: 'always', delayMs: 10 }],
      ['post', '/faults', { id: 'no-such-fault' }],
      ['delete', '/faults'],
      ['get', '/outbox'],
      ['get', '/mailbox?to=nobody@example.com'],
      ['get', '/outbox/page'],
      ['get', '/mailbox/page'],
      ['get', '/applications'],
      ['post', '/applications', { clientId: 'ContractApp', clientSecrets: ['contract-secret-1'], name: 'Contract', redirectUris: ['https://example.com/cb'] }],
      ['post', '/applications', { clientId: 'BadApp', clientSecrets: ['bad-secret-1'], name: 'Bad', redirectUris: ['http://example.com/cb'] }],
      ['get', '/accounts'],
      ['get', '/journeys'],
      ['get', '/journeys/outcomes'],
      ['get', '/outcomes'],
      ['get', '/outcomes?journey=income-tax-sign-up'],
      ['get', '/outcomes?journey=nonsense'],
      ['post', '/journeys/presets', { outcome: 'deny', clientId: CLIENT_ID }],
      ['post', '/journeys/presets', { outcome: 'nonsense' }],
      ['get', '/journeys/presets'],
      ['delete', '/journeys/presets'],
      ['get', '/journeys/totp?userId=900000000009'],
      ['get', '/journeys/totp?userId=000000000000'],
      ['get', '/journeys/totp'],
      ['post', '/sign-ups', { agentUserId: '900000000001', nino: 'PE938808A', postcode: 'TS1 1PA', businessEmail: 'ida@business.example' }],
      ['post', '/sign-ups', { agentUserId: '900000000002', nino: 'PE938808A', postcode: 'TS1 1PA' }],
      ['post', '/sign-ups', {}],
      ['get', '/sign-ups?nino=PE938808A'],
      ['get', '/sign-ups/SU0000000001'],
      ['get', '/sign-ups/SU9999999999'],
      ['post', '/sign-ups/SU0000000001/verification-email'],
      ['post', '/sign-ups/SU9999999999/verification-email'],
      ['post', '/vat/100000034/sign-up', { userId: '900000000002', approve: true }],
      ['post', '/vat/100000034/sign-up', { userId: '900000000002' }],
      ['post', '/vat/12345/sign-up', {}],
      ['post', '/vat/100000132/sign-up', {}],
      ['post', '/vat/100000132/sign-up', { userId: '900000000001' }],
      ['get', '/vat/100000034/sign-up'],
      ['get', '/vat/100000132/sign-up'],
      ['post', '/tenants', { id: 'documented' }],
      ['post', '/tenants', { id: 'documented' }],
      ['post', '/tenants', { id: 'bad id' }],
      ['get', '/tenants'],
      ['get', '/tenants/documented'],
      ['get', '/tenants/missing'],
      ['delete', '/tenants/documented'],
      ['delete', '/tenants/documented'],
      ['get', '/sign-ups/outcomes'],
      ['post', '/sign-ups/outcomes', { nino: 'PE938808A', outcome: 'rejected' }],
      ['post', '/sign-ups/outcomes', { nino: 'PE938808A', outcome: 'maybe' }],
      ['post', '/agents/900000000020/agent-services-account', { businessName: 'Contract Agents' }],
      ['post', '/agents/900000000020/agent-services-account', {}],
      ['post', '/agents/900000000009/agent-services-account', { email: 'nope' }],
      ['post', '/agents/000000000000/agent-services-account'],
      ['get', '/agents/outcomes'],
      ['post', '/agents/outcomes', { id: 'VAT_CLIENT_INSOLVENT', times: 2 }],
      ['post', '/agents/outcomes', { id: 'NOPE' }],
      ['delete', '/agents/outcomes'],
      ['post', `/agents/${ARN}/sa-clients`, { clients: [{ name: 'Sam Client', nino: 'AA999999A' }] }],
      ['post', `/agents/${ARN}/sa-clients`, {}],
      ['get', `/agents/${ARN}/sa-clients`],
      ['get', '/agents/XARN1234567/sa-clients'],
      ['post', `/agents/${ARN}/copy-across`],
      ['get', `/relationships?arn=${ARN}`],
      ['post', '/relationships', { arn: ARN, service: 'MTD-VAT', clientId: '101747698' }],
      ['post', '/relationships', { arn: ARN, service: 'MTD-CGT', clientId: '101747698' }],
      ['delete', `/relationships?arn=${ARN}&service=MTD-VAT&clientId=101747698`],
      ['delete', `/relationships?arn=${ARN}&service=MTD-VAT&clientId=101747698`],
      ['get', `/invitations?arn=${ARN}`],
      ['post', `/invitations/${invitation.invitationId}/accept`],
      ['post', `/invitations/${invitation.invitationId}/reject`],
      ['post', `/invitations/${second.invitationId}/reject`],
      ['post', '/invitations/CS5AK7O8FPC43/accept'],
      ['get', '/accounts/user1/grants'],
      ['get', '/accounts/nobody/grants'],
      ['delete', `/accounts/user1/grants/${CLIENT_ID}`],
      ['delete', `/accounts/user1/grants/${CLIENT_ID}`],
      ['post', `/income-tax/${CLIENT_ID}/AA123456A/sa-payments`, { amount: 250.5, method: 'BACS' }],
      ['post', `/income-tax/${CLIENT_ID}/AA123456A/sa-payments`, { amount: -1 }],
      ['post', '/income-tax/NoSuchApp/AA123456A/sa-payments', { amount: 1 }],
      ['post', '/reset'],
    ];
    for (const c of calls) await call(c);
    expect(contract.operations().filter((id) => !contract.succeeded.has(id))).toEqual([]);
  });

  it('describes the guard\'s refusals and the dashboard\'s sign-in, with a control token set', async () => {
    const guarded = await emulator({ control: { token: 'contract-token-0123456789' } });
    const check = async (method: 'get' | 'post', path: string, res: request.Response | Promise<request.Response>): Promise<number> => {
      const answered = await res;
      contract.check(method, path, answered);
      return answered.status;
    };
    expect(await check('get', '/openapi.json', request(guarded.app).get('/_emulator/openapi.json'))).toBe(401);
    expect(await check('get', '/', request(guarded.app).get('/_emulator/'))).toBe(401);
    expect(await check('post', '/session', request(guarded.app).post('/_emulator/session').type('form').send({ token: 'wrong' }))).toBe(403);
    const bearer = { Authorization: 'Bearer contract-token-0123456789' };
    expect(await check('post', '/reset', request(guarded.app).post('/_emulator/reset').set(bearer).set('Origin', 'https://elsewhere.example'))).toBe(403);
  });

  it('refuses a response the document does not describe', async () => {
    const res = await request(e.app).get('/_emulator/clock');
    expect(() => contract.check('get', '/clock', { ...res, body: { now: 'yesterday' } } as request.Response)).toThrow(/format/);
    expect(() => contract.check('get', '/no-such-route', res)).toThrow(/not in the control API/);
  });
});
