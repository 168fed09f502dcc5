import { request as httpRequest, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type RunningEmulator } from '../../emulator/server.js';

/** A CONNECT through the proxy: the status line it answers and its message. */
function connect(proxyPort: number, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: proxyPort, method: 'CONNECT', path: target });
    req.on('connect', (res, socket, head: Buffer) => {
      let body = head.toString('utf8');
      socket.setEncoding('utf8').on('data', (c: string) => (body += c));
      if (res.statusCode === 200) {
        socket.destroy();
        return resolve({ status: 200, body });
      }
      socket.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A plain-HTTP proxy request (absolute-form URL), or a direct one (origin-form). */
function proxied(proxyPort: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: proxyPort, method: 'GET', path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe("the proxy serves HMRC's hosts and nothing else", () => {
  let sandbox: RunningEmulator;
  let port: number;
  beforeAll(async () => {
    sandbox = await start({ port: 0, seed: 'proxy', proxy: { port: 0 } });
    port = sandbox.tls!.proxyPort!;
  });
  afterAll(() => sandbox.stop());

  it("opens tunnels to HMRC's hosts on port 443", async () => {
    for (const host of ['test-api.service.hmrc.gov.uk', 'api.service.hmrc.gov.uk', 'test-www.tax.service.gov.uk', 'www.tax.service.gov.uk']) {
      expect((await connect(port, `${host}:443`)).status, host).toBe(200);
    }
  });

  it('refuses a tunnel to any other host, or port, with 403 and says why', async () => {
    for (const target of ['example.com:443', 'test-api.service.hmrc.gov.uk:8443', 'test-api.service.hmrc.gov.uk.evil.example:443', '[::1]:443', 'garbage']) {
      const res = await connect(port, target);
      expect(res.status, target).toBe(403);
      expect(res.body).toContain("HMRC's hosts on port 443 only and forwards nothing");
    }
  });

  it('never forwards: a tunnel to a server listening on this machine is refused and the server sees nothing', async () => {
    let connections = 0;
    const bystander = createServer((_req, res) => res.end('forwarded!')).on('connection', () => connections++);
    await new Promise<void>((resolve) => bystander.listen(0, '127.0.0.1', resolve));
    const target = `127.0.0.1:${(bystander.address() as AddressInfo).port}`;
    expect((await connect(port, target)).status).toBe(403);
    const plain = await proxied(port, `http://${target}/`);
    expect(plain.status).toBe(403);
    expect(plain.body).not.toContain('forwarded!');
    await new Promise<void>((resolve) => bystander.close(() => resolve()));
    expect(connections).toBe(0);
  });

  it("serves plain-HTTP proxy requests for HMRC's hosts, and refuses others", async () => {
    const hello = await proxied(port, 'http://test-api.service.hmrc.gov.uk/hello/world', { Accept: 'application/vnd.hmrc.1.0+json' });
    expect(hello).toEqual({ status: 200, body: '{"message":"Hello World"}' });
    const other = await proxied(port, 'http://example.com/');
    expect(other.status).toBe(403);
    expect(other.body).toContain('"example.com" is not one of them');
  });

  it('answers a request made to the proxy directly with 400 and what to do', async () => {
    const res = await proxied(port, '/hello/world');
    expect(res.status).toBe(400);
    expect(res.body).toContain('HTTPS_PROXY');
  });
});
