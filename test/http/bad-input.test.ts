import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { CLIENT_ID, CLIENT_SECRET, emulator, JSON_V1 } from '../support.js';

/** Bad input gets a clear 4xx in the endpoint's own error shape, never a 5xx; the emulator keeps serving. */
describe('bad input never becomes a 5xx', () => {
  let e: Emulator;
  beforeAll(async () => {
    e = await emulator();
  });

  const stillServing = async (): Promise<void> => {
    expect((await request(e.app).get('/hello/world').set('Accept', JSON_V1)).status).toBe(200);
  };

  it('answers a token request over 1 MB with 413 in the OAuth shape', async () => {
    const res = await request(e.app).post('/oauth/token').type('form').send(`client_id=${'a'.repeat(1_100_000)}`);
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('invalid_request');
    await stillServing();
  });

  it('answers invalid JSON to the token endpoint with 400 invalid_request', async () => {
    const res = await request(e.app).post('/oauth/token').set('Content-Type', 'application/json').send('{"client_id":');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_request', error_description: 'the request body is not valid JSON' });
  });

  it('answers a token request that is not a form with 400 invalid_request', async () => {
    const res = await request(e.app).post('/oauth/token').set('Content-Type', 'text/plain').send('grant_type=client_credentials');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
  });

  it('answers a token request with no body with 400 invalid_request', async () => {
    const res = await request(e.app).post('/oauth/token');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
  });

  it('answers repeated token parameters with 400 invalid_request', async () => {
    const res = await request(e.app).post('/oauth/token').type('form').send(`client_id=${CLIENT_ID}&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&grant_type=client_credentials`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_request', error_description: 'client_id must only be provided once' });
  });

  it('answers invalid UTF-8 and bad percent-encoding in a form with a 4xx', async () => {
    const res = await request(e.app)
      .post('/oauth/token')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(Buffer.concat([Buffer.from('client_id=%E0%A4%A&grant_type=client_credentials&client_secret='), Buffer.from([0xff, 0xfe, 0xc3])]));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await stillServing();
  });

  it('answers an unsupported charset with a 4xx', async () => {
    const res = await request(e.app).post('/oauth/token').set('Content-Type', 'application/x-www-form-urlencoded; charset=klingon').send('a=b');
    expect(res.status).toBe(415);
  });

  it('answers malformed percent-encoding in a path with a 4xx', async () => {
    const res = await request(e.app).get('/hello/%E0%A4%A').set('Accept', JSON_V1);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('answers hostile authorize parameters with JSON, not an echoing page', async () => {
    const res = await request(e.app).get('/oauth/authorize').query({ client_id: '<script>alert(1)</script>', response_type: 'code' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.text).not.toContain('<script>');
  });

  it('answers an oversized JSON body to an API with 413 in the platform shape', async () => {
    const res = await request(e.app).post('/hello/world').set('Accept', JSON_V1).set('Content-Type', 'application/json').send(`{"a":"${'x'.repeat(1_100_000)}"}`);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    await stillServing();
  });

  it('reads a token form however it is framed: a UTF-8 charset, chunks, or gzip', async () => {
    const form = `grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}`;
    const utf8 = await request(e.app).post('/oauth/token').set('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8').send(form);
    expect(utf8.status).toBe(200);
    const gzip = await postRaw(e, '/oauth/token', { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' }, [gzipSync(form)]);
    expect(gzip.status).toBe(200);
    const chunked = await postRaw(e, '/oauth/token', { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' }, [form.slice(0, 20), form.slice(20)]);
    expect(chunked.status).toBe(200);
  });

  it('answers an over-long chunked form, and one with too many parameters, with 413 in the OAuth shape', async () => {
    const big = await postRaw(e, '/oauth/token', { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' }, Array.from({ length: 20 }, () => 'a'.repeat(60_000)));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error).toBe('invalid_request');
    const many = await request(e.app).post('/oauth/token').type('form').send(Array.from({ length: 1001 }, (_, i) => `p${i}=1`).join('&'));
    expect(many.status).toBe(413);
    expect(many.body).toEqual({ error: 'invalid_request', error_description: 'too many parameters' });
    await stillServing();
  });

  it('answers an empty token form with the first missing parameter', async () => {
    const res = await request(e.app).post('/oauth/token').set('Content-Type', 'application/x-www-form-urlencoded').send('');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_request', error_description: 'client_id is required' });
  });

  it('answers an absurd Authorization header with 401, not a crash', async () => {
    const res = await request(e.app).get('/hello/application').set('Accept', JSON_V1).set('Authorization', `Bearer ${'x'.repeat(4000)}`);
    expect(res.status).toBe(401);
  });

  it('answers bad control-API input with 400 and a message', async () => {
    for (const body of [{}, { by: 'four hours' }, { by: 'PT-4H' }, { by: 12 }]) {
      const res = await request(e.app).post('/_emulator/clock/advance').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('bad_request');
    }
    const fault = await request(e.app).post('/_emulator/faults').send({ id: 'no-such-fault' });
    expect(fault.status).toBe(400);
    expect(fault.body.message).toContain('known faults');
    const json = await request(e.app).post('/_emulator/reset').set('Content-Type', 'application/json').send('{');
    expect(json.status).toBe(400);
    await stillServing();
  });

  it('refuses to move the clock by an enormous duration with 400, and the clock, health and authorize keep answering', async () => {
    const before = (await request(e.app).get('/_emulator/clock')).body.now as string;
    for (const by of ['P300000Y', 'PT99999999999999999999999S']) {
      const res = await request(e.app).post('/_emulator/clock/advance').send({ by });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'bad_request', message: expect.stringContaining('cannot move past 9000-01-01') });
    }
    expect(Date.parse((await request(e.app).get('/_emulator/clock')).body.now) - Date.parse(before)).toBeLessThan(60_000);
    expect((await request(e.app).get('/_emulator/health')).status).toBe(200);
    const authorize = await request(e.app).get('/oauth/authorize').query({ response_type: 'code', client_id: CLIENT_ID, scope: 'hello', redirect_uri: 'http://localhost:3000/callback' });
    expect(authorize.status).toBe(303);
  });

  it('refuses JSON nested 5,000 deep as invalid in each error family, and the journal still answers', async () => {
    const arrays = '['.repeat(5000) + ']'.repeat(5000);
    const objects = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    for (const body of [arrays, objects]) {
      const api = await request(e.app).post('/organisations/vat/123456789/returns').set('Accept', JSON_V1).set('Content-Type', 'application/json').send(body);
      expect(api.status).toBe(400);
      expect(api.body).toEqual({ code: 'BAD_REQUEST', message: 'the request body is not valid JSON' });
      const token = await request(e.app).post('/oauth/token').set('Content-Type', 'application/json').send(body);
      expect(token.body).toEqual({ error: 'invalid_request', error_description: 'the request body is not valid JSON' });
      const control = await request(e.app).post('/_emulator/faults').set('Content-Type', 'application/json').send(body);
      expect(control.status).toBe(400);
    }
    const shallow = await request(e.app).post('/_emulator/faults').set('Content-Type', 'application/json').send('[['.repeat(50) + ']]'.repeat(50));
    expect(shallow.body.message).toContain('known faults');
    const journal = await request(e.app).get('/_emulator/journal');
    expect(journal.status).toBe(200);
    expect(journal.body.entries.some((x: { path: string }) => x.path === '/organisations/vat/123456789/returns')).toBe(true);
  });
});

/** Sends a body in the given chunks over a real socket (supertest cannot send chunked bodies). */
async function postRaw(e: Emulator, path: string, headers: IncomingHttpHeaders, chunks: Array<string | Buffer>): Promise<{ status: number; body: string }> {
  const server = createServer(e.app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    return await new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, method: 'POST', path, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
