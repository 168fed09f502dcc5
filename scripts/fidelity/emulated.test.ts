import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isServed } from './emulated.js';
import type { SpecOperation } from './spec-operations.js';

/** A stand-in gateway: serves GET /things/{id} in version 1.0 only; everything else is one of its 404s. */
let server: Server;
let baseUrl: string;
const seen: Array<{ method?: string; url?: string; accept?: string; authorization?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, accept: req.headers.accept, authorization: req.headers.authorization });
    const send = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    if (req.headers.accept !== 'application/vnd.hmrc.1.0+json') return send(404, '{"code":"NOT_FOUND","message":"The requested resource could not be found"}');
    if (req.method === 'GET' && /^\/things\/[^/]+$/.test(req.url ?? '')) return send(401, '{"code":"MISSING_CREDENTIALS","message":"Authentication information is not provided"}');
    if (req.url === '/plain') return res.writeHead(404).end('Not Found');
    return send(404, '{"code":"MATCHING_RESOURCE_NOT_FOUND","message":"A resource with the name in the request can not be found in the API"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const op = (method: string, path: string, version = '1.0'): SpecOperation => ({ api: 'things', version, method, path, file: '', pointer: '', scenarios: [], pathValues: { id: 'AB 1' }, responses: {} });

describe('isServed', () => {
  it('is true when the gateway gets past routing (here: 401 for want of a token)', async () => {
    expect(await isServed(baseUrl, op('GET', '/things/{id}'))).toBe(true);
    expect(seen.at(-1)).toEqual({ method: 'GET', url: '/things/AB%201', accept: 'application/vnd.hmrc.1.0+json', authorization: undefined });
  });

  it('is false for 404 MATCHING_RESOURCE_NOT_FOUND, 404 NOT_FOUND (unknown version) and a 404 without HMRC’s body', async () => {
    expect(await isServed(baseUrl, op('DELETE', '/things/{id}'))).toBe(false);
    expect(await isServed(baseUrl, op('GET', '/things/{id}', '2.0'))).toBe(false);
    expect(await isServed(baseUrl, op('GET', '/plain'))).toBe(false);
  });
});
