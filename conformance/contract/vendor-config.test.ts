import { describe, expect, it } from 'vitest';
import { parseVendorConfig, VendorConfigError } from './vendor-config.js';

const vars = { port: 4321, baseDir: '/vendor', env: { TOKEN_DIR: '/tmp/tokens' } };
const minimal = {
  name: 'Web app',
  application: { redirectUris: ['http://localhost:${port}/callback'] },
  link: { url: 'http://localhost:${port}/link' },
  api: { url: 'http://localhost:${port}/call', method: 'POST' },
  reset: { url: 'http://localhost:${port}/reset', method: 'POST' },
};

function problems(raw: unknown): string[] {
  try {
    parseVendorConfig(raw, vars);
  } catch (e) {
    if (e instanceof VendorConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('the vendor contract', () => {
  it('fills in defaults and substitutes ${port} and ${env:NAME}', () => {
    const config = parseVendorConfig({ ...minimal, launch: { command: ['node', 'app.js'], env: { DIR: '${env:TOKEN_DIR}' } } }, vars);
    expect(config).toMatchObject({
      connectionMethod: 'WEB_APP_VIA_SERVER',
      userAgent: 'http',
      user: { userId: 'user1', password: 'password1' },
      wrongUser: { persona: 'agent' },
      application: { redirectUris: ['http://localhost:4321/callback'], subscriptions: ['hello'] },
      link: { url: 'http://localhost:4321/link' },
      launch: { command: ['node', 'app.js'], env: { DIR: '/tmp/tokens' }, readyTimeoutMs: 10_000 },
      cwd: '/vendor',
    });
  });

  it('names each missing key', () => {
    expect(problems({ name: 'x' })).toEqual(['application: is required', 'link: is required', 'api: is required']);
  });

  it('explains the two shapes of a hook', () => {
    expect(problems({ ...minimal, link: { url: 'not a url' } })).toEqual(['link: must be either {url: <http(s) URL>, method?: GET|POST} or {command: [program, args…]}']);
  });

  it('names unknown options and bad values by their path', () => {
    expect(problems({ ...minimal, conectionMethod: 'WEB' })).toEqual(['(root): unknown option "conectionMethod"']);
    expect(problems({ ...minimal, connectionMethod: 'WEB' })[0]).toMatch(/^connectionMethod: must be one of "WEB_APP_VIA_SERVER"/);
    expect(problems({ ...minimal, application: { redirectUris: ['a', 'b', 'c', 'd', 'e', 'f'] } })).toEqual(['application.redirectUris: must NOT have more than 5 items']);
  });

  it('takes a user by persona or by user ID and password, and nothing in between', () => {
    expect(parseVendorConfig({ ...minimal, user: { persona: 'organisation' } }, vars).user).toEqual({ persona: 'organisation' });
    expect(problems({ ...minimal, user: { userId: 'u' } })).toEqual(['user: must be either {userId, password} or {persona: <a seeded persona, e.g. organisation>}']);
  });

  it('refuses half an application credential', () => {
    expect(problems({ ...minimal, application: { ...minimal.application, clientId: 'abc' } })[0]).toMatch(/give both clientId and clientSecret/);
  });

  it('needs a reset hook when the kit does not launch the software', () => {
    const { reset: _reset, ...noReset } = minimal;
    expect(problems(noReset)[0]).toMatch(/^reset: needed/);
  });

  it('reports an unset environment variable', () => {
    expect(problems({ ...minimal, link: { url: 'http://${env:NOPE}/link' } })).toEqual(['link.url: environment variable NOPE is not set']);
  });
});
