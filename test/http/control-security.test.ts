import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';

const TOKEN = 'a-control-token-for-tests-0123456789';

describe('the control API on loopback without a token', () => {
  it('answers on the names the emulator serves', async () => {
    const e = await emulator();
    for (const host of ['localhost:9090', '127.0.0.1:9090', '[::1]:9090', 'test-api.service.hmrc.gov.uk', 'app.localhost:9090']) {
      expect((await request(e.app).get('/_emulator/clock').set('Host', host)).status, host).toBe(200);
    }
  });

  it('refuses another host name, as a DNS-rebinding page would send it, but not health', async () => {
    const e = await emulator();
    const res = await request(e.app).get('/_emulator/applications').set('Host', 'rebind.attacker.example:9090');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'forbidden', message: expect.stringContaining('rebind.attacker.example') });
    expect(JSON.stringify(res.body)).not.toContain('8c3f8a62');
    expect((await request(e.app).post('/_emulator/reset').set('Host', 'rebind.attacker.example')).status).toBe(403);
    expect((await request(e.app).get('/_emulator/health').set('Host', 'rebind.attacker.example')).status).toBe(200);
  });

  it('answers host names listed in control.allowedHosts', async () => {
    const e = await emulator({ control: { allowedHosts: ['hmrc-sandbox'] } });
    expect((await request(e.app).get('/_emulator/clock').set('Host', 'hmrc-sandbox:9090')).status).toBe(200);
    expect((await request(e.app).get('/_emulator/clock').set('Host', 'other-service:9090')).status).toBe(403);
  });

  it('leaves HMRC-shaped endpoints alone whatever the host name', async () => {
    const e = await emulator();
    const res = await request(e.app).get('/hello/world').set('Host', 'hmrc-sandbox:9090').set('Accept', 'application/vnd.hmrc.1.0+json');
    expect(res.status).toBe(200);
  });
});

describe('state-changing control calls from a web page on another origin', () => {
  it('are refused by Origin or by Sec-Fetch-Site, and nothing changes', async () => {
    const e = await emulator({ clock: { start: '2026-01-15T09:00:00Z', frozen: true } });
    const attempts = [
      { Origin: 'http://localhost:3000' },
      { Origin: 'https://attacker.example' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
    ];
    for (const headers of attempts) {
      const res = await request(e.app).post('/_emulator/clock/advance').set('Host', 'localhost:9090').set(headers).send({ by: 'P1D' });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body.error).toBe('forbidden');
      expect((await request(e.app).delete('/_emulator/faults').set(headers)).status).toBe(403);
    }
    expect((await request(e.app).get('/_emulator/clock')).body.now).toBe('2026-01-15T09:00:00.000Z');
  });

  it('are answered from the emulator\'s own pages and from tools that are not browsers', async () => {
    const e = await emulator({ baseUrl: 'http://localhost:9090' });
    const own = await request(e.app).post('/_emulator/clock/advance').set('Host', 'localhost:9090').set('Origin', 'http://localhost:9090').send({ by: 'PT1M' });
    expect(own.status).toBe(200);
    const sameOrigin = await request(e.app).post('/_emulator/clock/advance').set('Sec-Fetch-Site', 'same-origin').send({ by: 'PT1M' });
    expect(sameOrigin.status).toBe(200);
    const curl = await request(e.app).post('/_emulator/clock/advance').send({ by: 'PT1M' });
    expect(curl.status).toBe(200);
  });

  it('leave read-only calls alone whatever their origin (a browser cannot read the answer across origins)', async () => {
    const e = await emulator();
    expect((await request(e.app).get('/_emulator/clock').set('Sec-Fetch-Site', 'cross-site')).status).toBe(200);
  });
});

describe('the control API with a token', () => {
  it('needs the token on every call but health, as a bearer token or a Basic password', async () => {
    const e = await emulator({ control: { token: TOKEN } });
    const none = await request(e.app).get('/_emulator/accounts');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error: 'unauthorized', message: expect.stringContaining('Authorization: Bearer') });
    expect(none.headers['www-authenticate']).toContain('Bearer realm="hmrc-sandbox control API"');
    expect((await request(e.app).get('/_emulator/accounts').set('Authorization', `Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await request(e.app).get('/_emulator/accounts').set('Authorization', 'Bearer')).status).toBe(401);
    expect((await request(e.app).post('/_emulator/reset')).status).toBe(401);
    expect((await request(e.app).get('/_emulator/accounts').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(200);
    expect((await request(e.app).get('/_emulator/mailbox/page').auth('qa', TOKEN)).status).toBe(200);
    expect((await request(e.app).get('/_emulator/health')).status).toBe(200);
  });

  it('answers any host name to a caller with the token (a container reaching it by service name)', async () => {
    const e = await emulator({ control: { token: TOKEN } });
    expect((await request(e.app).get('/_emulator/clock').set('Host', 'hmrc-sandbox:9090').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(200);
  });

  it('is made up at start when bound beyond loopback with none configured', async () => {
    const e = await emulator({ host: '0.0.0.0' });
    const { token, generated } = e.context.control;
    expect(generated).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await request(e.app).get('/_emulator/accounts')).status).toBe(401);
    expect((await request(e.app).get('/_emulator/accounts').set('Authorization', `Bearer ${token!}`)).status).toBe(200);
    const other = await emulator({ host: '0.0.0.0' });
    expect(other.context.control.token).not.toBe(token);
  });

  it('is not needed on loopback unless configured', async () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) expect((await emulator({ host })).context.control).toEqual({ token: undefined, generated: false });
  });

  it('is refused when too short to be a secret', async () => {
    await expect(emulator({ control: { token: 'short' } })).rejects.toThrow(/control.token/);
  });
});
