import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { openState } from '../store/state.js';
import { TenantHost } from './tenant-host.js';

const MINUTE = 60_000;

async function host(idleExpiry = 'PT1H') {
  let now = Date.parse('2026-12-05T09:00:00Z');
  const tenants = new TenantHost({ state: await openState(undefined), control: { token: undefined, generated: false }, overrides: { throttle: { requestsPerSecond: 1000 } }, rootBaseUrl: () => 'http://localhost:9090', idleExpiry, now: () => now });
  const app = tenants.front((_req, res) => void res.writeHead(418).end());
  return { tenants, app, later: (ms: number) => (now += ms) };
}

describe('tenant host', () => {
  it('deletes a tenant once it has gone unused for tenants.idleExpiry of real time, and a used one later', async () => {
    const { tenants, app, later } = await host('PT1H');
    await tenants.create({ id: 'forgotten' });
    await tenants.create({ id: 'busy' });
    later(50 * MINUTE);
    expect((await request(app).get('/t/busy/hello/world').set('Accept', 'application/vnd.hmrc.1.0+json')).status).toBe(200);
    later(11 * MINUTE);
    await tenants.sweep();
    expect((await tenants.list()).map((t) => t.id)).toEqual(['busy']);
    expect((await request(app).get('/t/forgotten/hello/world')).status).toBe(404);
    later(60 * MINUTE);
    expect((await tenants.list()).map((t) => t.id)).toEqual([]);
    tenants.close();
  });

  it('sends everything outside /t/ to the root', async () => {
    const { tenants, app } = await host();
    expect((await request(app).get('/hello/world')).status).toBe(418);
    expect((await request(app).get('/tenants')).status).toBe(418);
    tenants.close();
  });

  it('keeps a tenant whole when its emulator is let go and built again', async () => {
    const { tenants, app, later } = await host('P1D');
    await tenants.create({ id: 'kept' });
    const advanced = await request(app).post('/t/kept/_emulator/clock/advance').send({ by: 'P3D' });
    expect(advanced.status).toBe(200);
    later(11 * MINUTE);
    await tenants.sweep(); // unused for 11 minutes: its emulator is let go, its state kept
    const clock = await request(app).get('/t/kept/_emulator/clock');
    expect(Date.parse(clock.body.now) - Date.parse(advanced.body.now)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(clock.body.now) - Date.now()).toBeGreaterThan(2.9 * 24 * 3600_000);
    tenants.close();
  });
});
