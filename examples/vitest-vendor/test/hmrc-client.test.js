import { testSandbox } from 'hmrc-local-sandbox/testing';
import { describe, expect, it } from 'vitest';
import { hmrcClient } from '../src/hmrc-client.js';

// What the global setup started: the base URL, the applications (the default one first) and the seeded accounts.
const { baseUrl, controlToken, applications: [app] } = testSandbox();
const client = hmrcClient({ baseUrl, clientId: app.clientId, clientSecret: app.clientSecrets[0] });

/** The emulator's control API: here, to move its virtual clock. */
async function control(path, body) {
  const res = await fetch(`${baseUrl}/_emulator${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(controlToken ? { authorization: `Bearer ${controlToken}` } : {}) },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

describe('the HMRC client', () => {
  it('says hello with an application token', async () => {
    expect(await client.helloApplication()).toBe('Hello Application');
    expect(client.stats.tokensFetched).toBe(1);
  });

  it('fetches a new token once HMRC has let the first expire, four hours later', async () => {
    await control('/clock/advance', { by: 'PT4H1M' });
    expect(await client.helloApplication()).toBe('Hello Application');
    expect(client.stats.tokensFetched).toBe(2);
  });
});
