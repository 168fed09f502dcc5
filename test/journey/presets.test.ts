import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { addAccount, CLIENT_ID, emulator, exchange, JSON_V1, TEST_PASSWORD } from '../support.js';
import { JourneyBrowser, redirectParams, titleOf } from './journey-support.js';

describe('journey outcomes preset through the control API', () => {
  it('completes a granted journey without pages in auto mode, and the token works', async () => {
    const e = await emulator({ journey: 'production' });
    const preset = await request(e.app).post('/_emulator/journeys/presets').send({ outcome: 'grant', clientId: CLIENT_ID, userId: 'user1', auto: true });
    expect(preset.status).toBe(201);
    const b = new JourneyBrowser(e);
    const done = await b.authorize({ state: 'auto' });
    const params = redirectParams(done);
    expect(params.get('state')).toBe('auto');
    const token = await exchange(e, params.get('code')!);
    const hello = await request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${token.body.access_token}`);
    expect(hello.body).toEqual({ message: 'Hello User' });
    const log = await request(e.app).get('/_emulator/journeys').query({ clientId: CLIENT_ID });
    expect(log.body.journeys).toHaveLength(1);
    expect(log.body.journeys[0]).toMatchObject({ userId: 'user1', outcome: 'grant' });
    expect(log.body.journeys[0].steps.map((s: { step: string; choice: string }) => `${s.step}:${s.choice}`)).toEqual(['preset:grant:auto', 'auto:grant']);
    expect((await request(e.app).get('/_emulator/journeys/presets')).body.presets).toEqual([]);
  });

  it('redirects with each failure\'s error_code in auto mode', async () => {
    const e = await emulator();
    for (const [outcome, code] of [['deny', 'USER_DENIED_AUTHORIZATION'], ['fail-2sv', 'TWO_STEP_VERIFICATION_FAILED'], ['iv-failed-matching', 'IDENTITY_FAILED_MATCHING'], ['time-out', 'SESSION_TIMED_OUT']]) {
      await request(e.app).post('/_emulator/journeys/presets').send({ outcome, auto: true });
      const done = await new JourneyBrowser(e).authorize();
      expect([redirectParams(done).get('error'), redirectParams(done).get('error_code')]).toEqual(['access_denied', code]);
    }
  });

  it('applies a user\'s preset at their step and shows the other pages', async () => {
    const e = await emulator();
    await addAccount(e, { userId: '500000000001', affinityGroup: 'Individual' });
    await request(e.app).post('/_emulator/journeys/presets').send({ outcome: 'deny', userId: '500000000001' }).expect(201);
    const other = new JourneyBrowser(e);
    await other.authorize();
    expect(titleOf((await other.submit('sign-in', { userId: 'user1', password: 'password1' })).text)).toBe('Grant authority - HMRC - GOV.UK');
    const b = new JourneyBrowser(e);
    await b.authorize();
    const done = await b.submit('sign-in', { userId: '500000000001', password: TEST_PASSWORD });
    expect(redirectParams(done).get('error_code')).toBe('USER_DENIED_AUTHORIZATION');
  });

  it('makes 2-step verification fail, even in the sandbox journey, for a fail-2sv preset', async () => {
    const e = await emulator();
    await request(e.app).post('/_emulator/journeys/presets').send({ outcome: 'fail-2sv', clientId: CLIENT_ID }).expect(201);
    const b = new JourneyBrowser(e);
    await b.authorize();
    const page = await b.submit('sign-in', { userId: 'user1', password: 'password1' });
    expect(page.text).toContain('You have entered the wrong access code too many times');
  });

  it('chooses the identity outcome for an iv preset', async () => {
    const e = await emulator();
    await request(e.app).post('/_emulator/journeys/presets').send({ outcome: 'iv-precondition-failed' }).expect(201);
    const b = new JourneyBrowser(e);
    await b.authorize();
    const page = await b.submit('sign-in', { userId: 'user1', password: 'password1' });
    expect(page.text).toContain('You cannot confirm your identity online');
  });

  it('times the journey out at once for a time-out preset', async () => {
    const e = await emulator();
    await request(e.app).post('/_emulator/journeys/presets').send({ outcome: 'time-out' }).expect(201);
    const page = await new JourneyBrowser(e).authorize();
    expect(page.text).toContain('For your security, we signed you out');
  });

  it('keeps an "always" preset until cleared', async () => {
    const e = await emulator();
    await request(e.app).post('/_emulator/journeys/presets').send({ outcome: 'deny', auto: true, times: 'always' }).expect(201);
    expect(redirectParams(await new JourneyBrowser(e).authorize()).get('error')).toBe('access_denied');
    expect(redirectParams(await new JourneyBrowser(e).authorize()).get('error')).toBe('access_denied');
    await request(e.app).delete('/_emulator/journeys/presets').expect(204);
    expect((await new JourneyBrowser(e).authorize()).status).toBe(200);
  });

  it('answers bad presets with a 400 naming the problem', async () => {
    const e = await emulator();
    const post = (body: unknown) => request(e.app).post('/_emulator/journeys/presets').send(body as object);
    expect((await post({ outcome: 'explode' })).body.message).toMatch(/^outcome must be one of: grant, deny/);
    expect((await post({ outcome: 'grant', userId: 'nobody' })).status).toBe(400);
    expect((await post({ outcome: 'grant', clientId: 'nope' })).status).toBe(400);
    expect((await post({ outcome: 'grant', times: 0 })).status).toBe(400);
    expect((await post({ outcome: 'grant', auto: 'yes' })).status).toBe(400);
    expect((await request(e.app).get('/_emulator/journeys/outcomes')).body.outcomes.find((o: { id: string }) => o.id === 'deny')).toMatchObject({ errorCode: 'USER_DENIED_AUTHORIZATION', presettable: true });
  });

  it('lists every journey’s outcomes in one catalogue, each with the control call that chooses it', async () => {
    const e = await emulator();
    const all = (await request(e.app).get('/_emulator/outcomes')).body.outcomes as Array<Record<string, unknown>>;
    const find = (journey: string, id: string) => all.find((o) => o.journey === journey && o.id === id);
    expect(find('link-software', 'deny')).toMatchObject({ appliesTo: 'grant', presettable: true, chooseWith: 'POST /_emulator/journeys/presets' });
    expect(find('link-software', 'sign-in-locked')).toMatchObject({ presettable: false });
    expect(find('link-software', 'sign-in-locked')).not.toHaveProperty('chooseWith');
    expect(find('income-tax-sign-up', 'rejected')).toMatchObject({ appliesTo: 'decision', chooseWith: 'POST /_emulator/sign-ups/outcomes' });
    expect(find('agent-authorisation', 'VAT_CLIENT_INSOLVENT')).toMatchObject({ chooseWith: 'POST /_emulator/agents/outcomes' });
    const journeyOnly = await request(e.app).get('/_emulator/outcomes?journey=agent-authorisation');
    expect(new Set(journeyOnly.body.outcomes.map((o: { journey: string }) => o.journey))).toEqual(new Set(['agent-authorisation']));
    const unknown = await request(e.app).get('/_emulator/outcomes?journey=vat');
    expect([unknown.status, unknown.body.error]).toEqual([400, 'bad_request']);
    expect(unknown.body.message).toContain('link-software');
  });

  it('shows the outbox as a page, escaped', async () => {
    const e = await emulator();
    await e.context.messages.send({ channel: 'text', to: '07700900999', body: 'Your code <script>x</script> 123456' });
    const page = await request(e.app).get('/_emulator/outbox/page');
    expect(page.status).toBe(200);
    expect(page.text).toContain('07700900999');
    expect(page.text).toContain('&lt;script&gt;x&lt;/script&gt; 123456');
    expect(page.text).not.toContain('<script>x');
  });
});
