import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { applicationToken, authorize, emulator, exchange, JSON_V1 } from '../support.js';

describe('smoke', () => {
  it('links software end to end', async () => {
    const e = await emulator();
    expect((await request(e.app).get('/hello/world').set('Accept', JSON_V1)).body).toEqual({ message: 'Hello World' });
    const appToken = await applicationToken(e);
    const r = await request(e.app).get('/hello/application').set('Accept', JSON_V1).set('Authorization', `Bearer ${appToken}`);
    expect(r.body).toEqual({ message: 'Hello Application' });
    const { location, code } = await authorize(e);
    expect(location).toMatch(/^http:\/\/localhost:3000\/callback\?code=.+&state=state-123$/);
    const t = await exchange(e, code!);
    expect(t.status).toBe(200);
    console.log(t.body);
    const u = await request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${t.body.access_token}`);
    expect(u.body).toEqual({ message: 'Hello User' });
  });
});
