import { describe, expect, it } from 'vitest';
import { validateRedirectUri } from './redirect-uri.js';

describe('HMRC redirect URI rules', () => {
  it.each([
    'https://www.example.com/auth-redirect',
    'https://www.example.com:8443/auth-redirect',
    'https://www.example.com/auth-redirect?x=1',
    'http://localhost:8080',
    'http://localhost:8080/',
    'urn:ietf:wg:oauth:2.0:oob',
    'urn:ietf:wg:oauth:2.0:oob:auto',
    'com.example.app:/callback',
  ])('accepts %s', (uri) => expect(validateRedirectUri(uri)).toBeUndefined());

  it.each([
    ['', 'blank'],
    ['/relative/path', 'absolute'],
    ['https://www.example.com/auth-redirect#frag', 'fragment'],
    ['http://www.example.com/auth-redirect', 'only allowed for localhost'],
    ['http://127.0.0.1:8080/', 'only allowed for localhost'],
    ['javascript:alert(1)', 'never a redirect target'],
  ])('rejects %s', (uri, why) => expect(validateRedirectUri(uri)).toContain(why));
});
