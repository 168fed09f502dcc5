import { describe, expect, it } from 'vitest';
import { isAuthorizeUrl, isCallbackUrl } from './user-agent.js';

describe('what the user agents recognise', () => {
  it("recognises HMRC's authorization endpoint on any loopback alias of the emulator, but not the step resumptions", () => {
    expect(isAuthorizeUrl('http://localhost:9090/oauth/authorize?client_id=x', 'http://localhost:9090')).toBe(true);
    expect(isAuthorizeUrl('http://127.0.0.1:9090/oauth/authorize?client_id=x', 'http://localhost:9090')).toBe(true);
    expect(isAuthorizeUrl('http://localhost:9090/oauth/authorize/abc', 'http://localhost:9090')).toBe(false);
    expect(isAuthorizeUrl('http://localhost:9091/oauth/authorize', 'http://localhost:9090')).toBe(false);
  });

  it("recognises a tenant's authorization endpoint under the tenant's base path, and not the root's", () => {
    expect(isAuthorizeUrl('http://localhost:9090/t/ci-1/oauth/authorize?client_id=x', 'http://localhost:9090/t/ci-1')).toBe(true);
    expect(isAuthorizeUrl('http://localhost:9090/t/ci-1/oauth/authorize', 'http://localhost:9090/t/ci-1/')).toBe(true);
    expect(isAuthorizeUrl('http://localhost:9090/oauth/authorize', 'http://localhost:9090/t/ci-1')).toBe(false);
    expect(isAuthorizeUrl('http://localhost:9090/t/ci-2/oauth/authorize', 'http://localhost:9090/t/ci-1')).toBe(false);
  });

  it('treats a navigation to a registered redirect URI, with any query, as the callback', () => {
    const uris = ['http://localhost:3000/callback', 'urn:ietf:wg:oauth:2.0:oob'];
    expect(isCallbackUrl('http://localhost:3000/callback?code=abc&state=x', uris)).toBe(true);
    expect(isCallbackUrl('http://localhost:3000/callback/?code=abc', uris)).toBe(true);
    expect(isCallbackUrl('http://localhost:3000/link', uris)).toBe(false);
  });
});
