import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { DEFAULT_APPLICATION } from '../../emulator/config/defaults.js';
import { configFromEnv, resolveConfig } from '../../emulator/config/load-config.js';
import { addAccount, applicationToken, emulator, JSON_V1, userToken } from '../support.js';
import { validHeaders } from './fraud-header-sets.js';

const VRN = '223456789';

async function vatUser(e: Emulator): Promise<string> {
  await addAccount(e, {
    userId: '200000000001',
    affinityGroup: 'Organisation',
    identifiers: { vrn: VRN, vatRegistrationDate: '2017-01-01' },
    enrolments: [{ key: 'HMRC-MTD-VAT', identifiers: [{ key: 'VRN', value: VRN }] }],
  });
  return userToken(e, '200000000001', 'read:vat write:vat');
}

describe('Test Fraud Prevention Headers API', () => {
  let e: Emulator;
  let appToken: string;
  let vatToken: string;
  const validate = (headers: Record<string, string>) =>
    request(e.app).get('/test/fraud-prevention-headers/validate').set('Accept', JSON_V1).set('Authorization', `Bearer ${appToken}`).set(headers);
  const feedback = (api: string, query: string) =>
    request(e.app).get(`/test/fraud-prevention-headers/${api}/validation-feedback${query}`).set('Accept', JSON_V1).set('Authorization', `Bearer ${appToken}`);
  const vat = (path: string, headers: Record<string, string>) =>
    request(e.app).get(`/organisations/vat/${VRN}/${path}`).set('Accept', JSON_V1).set('Authorization', `Bearer ${vatToken}`).set(headers);

  beforeAll(async () => {
    e = await emulator();
    appToken = await applicationToken(e);
    vatToken = await vatUser(e);
  });

  describe('validate', () => {
    it('answers VALID_HEADERS for a complete, valid set', async () => {
      const res = await validate(validHeaders('WEB_APP_VIA_SERVER'));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ specVersion: '3.3', code: 'VALID_HEADERS', message: 'All headers appear to be valid' });
    });

    it('lists errors and warnings with lower-case header names', async () => {
      const headers = { ...validHeaders('MOBILE_APP_VIA_SERVER'), 'Gov-Client-Timezone': 'GMT', 'gov-client-multi-factor': '' };
      const res = await validate(headers);
      expect(res.body.code).toBe('INVALID_HEADERS');
      expect(res.body.errors).toEqual([{ code: 'INVALID_HEADER', message: expect.any(String), headers: ['gov-client-timezone'] }]);
      expect(res.body.warnings).toEqual([{ code: 'EMPTY_HEADER', message: expect.stringContaining('single factor authentication'), headers: ['gov-client-multi-factor'] }]);
    });

    it('answers NO_HEADERS when none are sent', async () => {
      const res = await validate({});
      expect(res.body.errors).toEqual([{ code: 'NO_HEADERS', message: 'No fraud prevention headers were sent', headers: [] }]);
    });

    it('takes an oversized or hostile value as an invalid header, not as an error of its own', async () => {
      const res = await validate({ ...validHeaders('OTHER_DIRECT'), 'gov-vendor-product-name': '%3Cscript%3E'.repeat(900), 'gov-client-user-ids': 'a=%00%ZZ' });
      expect(res.status).toBe(200);
      expect(res.body.errors.flatMap((x: { headers: string[] }) => x.headers).sort()).toEqual(['gov-client-user-ids', 'gov-vendor-product-name']);
    });

    it('is application-restricted: no token is 401', async () => {
      const res = await request(e.app).get('/test/fraud-prevention-headers/validate').set('Accept', JSON_V1);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('MISSING_CREDENTIALS');
    });
  });

  describe('validation feedback', () => {
    it('reports the latest call to each VAT endpoint for the connection method asked for', async () => {
      const desktop = validHeaders('DESKTOP_APP_DIRECT');
      await vat('obligations?status=O', { ...desktop, 'gov-client-timezone': 'GMT' });
      e.context.clock.advance(60_000);
      await vat('obligations?status=O', desktop);
      await vat('returns/24A1', { ...desktop, 'gov-client-device-id': 'my-device' });
      await vat('obligations?status=O', validHeaders('MOBILE_APP_DIRECT'));

      const res = await feedback('vat-mtd', '?connectionMethod=DESKTOP_APP_DIRECT');
      expect(res.status).toBe(200);
      expect(res.body.connectionMethod).toBe('DESKTOP_APP_DIRECT');
      expect(res.body.requests).toHaveLength(2);
      const [obligations, view] = res.body.requests;
      expect(obligations).toMatchObject({ method: 'GET', path: `/organisations/vat/${VRN}/obligations`, requestTimestamp: '2026-01-15T09:01:00.000Z', code: 'VALID_HEADERS' });
      expect(obligations.headers).toContainEqual({ header: 'gov-client-timezone', code: 'VALID_HEADER' });
      expect(view).toMatchObject({ path: `/organisations/vat/${VRN}/returns/24A1`, code: 'POTENTIALLY_INVALID_HEADERS' });
      expect(view.headers).toContainEqual({ header: 'gov-client-device-id', code: 'POTENTIALLY_INVALID_HEADER', message: expect.any(String) });

      const mobile = await feedback('vat-mtd', '?connectionMethod=MOBILE_APP_DIRECT');
      expect(mobile.body.requests).toHaveLength(1);
    });

    it("keeps each application's feedback to itself", async () => {
      const other = { clientId: 'OtherVendorApp0000000000000', clientSecrets: ['other-secret-1'], name: 'Other', redirectUris: [], subscriptions: ['test/fraud-prevention-headers'] };
      const two = await emulator({ applications: [DEFAULT_APPLICATION, other] });
      const token = await vatUser(two);
      await request(two.app).get(`/organisations/vat/${VRN}/obligations?status=O`).set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`).set(validHeaders('OTHER_DIRECT'));
      const otherToken = (await request(two.app).post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: other.clientId, client_secret: 'other-secret-1' })).body.access_token;
      const ask = (bearer: string) =>
        request(two.app).get('/test/fraud-prevention-headers/vat-mtd/validation-feedback?connectionMethod=OTHER_DIRECT').set('Accept', JSON_V1).set('Authorization', `Bearer ${bearer}`);
      expect((await ask(await applicationToken(two))).body.requests).toHaveLength(1);
      expect((await ask(otherToken)).body.requests).toEqual([]);
    });

    it('answers an API with no calls with an empty list', async () => {
      const res = await feedback('self-assessment-mtd', '?connectionMethod=OTHER_DIRECT');
      expect(res.status).toBe(200);
      expect(res.body.requests).toEqual([]);
    });

    it.each(['', '?connectionMethod=WEB', '?connectionMethod=OTHER_DIRECT&connectionMethod=OTHER_DIRECT'])('answers connection method %j with 400 INVALID_CONNECTION_METHOD', async (query) => {
      const res = await feedback('vat-mtd', query);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_CONNECTION_METHOD');
    });
  });

  describe('every VAT call, validated in passing', () => {
    it('carries X-Emulator-Fraud-Headers on success and on errors, and the journal keeps it', async () => {
      const ok = await vat('obligations?status=O', validHeaders('DESKTOP_APP_DIRECT'));
      expect(ok.status).toBe(200);
      expect(ok.headers['x-emulator-fraud-headers']).toBe('VALID_HEADERS');
      const bad = await vat('obligations?status=X', {});
      expect(bad.status).toBe(400);
      expect(bad.headers['x-emulator-fraud-headers']).toBe('INVALID_HEADERS');
      const journal = await e.context.journal.entries({ path: `/organisations/vat/${VRN}/obligations` });
      expect(journal.at(-1)?.responseHeaders['x-emulator-fraud-headers']).toBe('INVALID_HEADERS');
    });

    it('does not refuse invalid headers by default, as HMRC does not', async () => {
      expect((await vat('obligations?status=O', { 'gov-client-connection-method': 'NONSENSE' })).status).toBe(200);
    });
  });

  describe('strict mode', () => {
    it('refuses a VAT call with invalid headers with 400 INVALID_FRAUD_PREVENTION_HEADERS, before the API runs', async () => {
      const strict = await emulator({ fraudHeaders: 'strict' });
      const saved = { e, vatToken };
      e = strict;
      vatToken = await vatUser(strict);
      try {
        const res = await vat('obligations?status=X', { ...validHeaders('BATCH_PROCESS_DIRECT'), 'gov-client-timezone': '' });
        expect(res.status).toBe(400);
        expect(res.headers['x-emulator-fraud-headers']).toBe('INVALID_HEADERS');
        expect(res.body).toEqual({
          code: 'INVALID_FRAUD_PREVENTION_HEADERS',
          message: expect.stringContaining('strict mode'),
          errors: [{ code: 'EMPTY_HEADER', message: 'Value is empty', headers: ['gov-client-timezone'] }],
        });
        const warned = await vat('obligations?status=O', { ...validHeaders('BATCH_PROCESS_DIRECT'), 'gov-client-public-ip': '198.51.100.0' });
        expect(warned.status).toBe(200);
        expect(warned.headers['x-emulator-fraud-headers']).toBe('POTENTIALLY_INVALID_HEADERS');
      } finally {
        ({ e, vatToken } = saved);
      }
    });

    it('is a checked option: anything but lenient or strict is a configuration error', () => {
      expect(() => resolveConfig({ fraudHeaders: 'loose' as 'strict' })).toThrow(/fraudHeaders: must be "lenient" or "strict"/);
    });

    it('can be switched on from the environment with HMRC_SANDBOX_FRAUD_HEADERS', () => {
      expect(resolveConfig(configFromEnv({ HMRC_SANDBOX_FRAUD_HEADERS: 'strict' })).fraudHeaders).toBe('strict');
      expect(resolveConfig(configFromEnv({})).fraudHeaders).toBe('lenient');
    });
  });
});
