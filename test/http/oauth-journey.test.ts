import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { authorize, emulator, exchange, JSON_V1 } from '../support.js';

describe('the sandbox journey redirects back as HMRC does', () => {
  it('redirects with code and state on grant, with a 302 and no iss parameter', async () => {
    const e = await emulator();
    const { location, code } = await authorize(e, { state: '30de877c-ee2f-15db-8314-0800200c9a66' });
    const url = new URL(location);
    expect(`${url.origin}${url.pathname}`).toBe('http://localhost:3000/callback');
    expect([...url.searchParams.keys()]).toEqual(['code', 'state']);
    expect(url.searchParams.get('state')).toBe('30de877c-ee2f-15db-8314-0800200c9a66');
    expect(code).toBeTruthy();
  });

  it('redirects with HMRC\'s denial parameters when the user does not grant authority', async () => {
    const e = await emulator();
    const { location } = await authorize(e, { decision: 'deny', state: 'xyz' });
    expect(location).toBe('http://localhost:3000/callback?error=access_denied&error_description=user+denied+the+authorization&error_code=USER_DENIED_AUTHORIZATION&state=xyz');
  });

  it('shows the code in the page title for the out-of-band redirect URI', async () => {
    const e = await emulator();
    const { location } = await authorize(e, { redirectUri: 'urn:ietf:wg:oauth:2.0:oob' });
    const code = /<title>code=([^<]+)<\/title>/.exec(location)?.[1];
    expect(code).toBeTruthy();
    expect(location).toContain(`data-testid="authorisation-code">${code}<`);
    const token = await exchange(e, code!, { redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' });
    expect(token.status).toBe(200);
  });

  it('asks the user to close the window for the out-of-band auto redirect URI', async () => {
    const e = await emulator();
    const { location } = await authorize(e, { redirectUri: 'urn:ietf:wg:oauth:2.0:oob:auto' });
    expect(location).toMatch(/<title>code=[^<]+<\/title>/);
    expect(location).toContain('close this window');
  });

  it('issues a token that reaches /hello/user', async () => {
    const e = await emulator();
    const { code } = await authorize(e);
    const token = await exchange(e, code!);
    const res = await request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${token.body.access_token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: 'Hello User' });
  });
});
