import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorHandler, surface, type Surface } from './error-handler.js';
import { ControlError } from './errors/control-error.js';
import { PageError } from './errors/page-error.js';
import { SignUpError } from './sign-up/sign-up-error.js';
import { VatSignUpError } from './vat/sign-up/vat-sign-up-error.js';

class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/** An app whose `/<surface>/throw` throws what the test gives it, marked as build-emulator.ts marks the real one. */
function appThrowing(err: () => unknown): express.Express {
  const app = express();
  for (const name of ['pages', 'oauth', 'control'] satisfies Surface[]) app.use(`/${name}`, surface(name));
  app.use(express.json());
  app.all('/{*rest}', () => {
    throw err();
  });
  app.use(errorHandler);
  return app;
}

const badJson = (app: express.Express, path: string): request.Test => request(app).post(path).set('Content-Type', 'application/json').send('{"a":');

describe('the one error handler', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers bad JSON with 400 in each surface’s family', async () => {
    const app = appThrowing(() => new Error('never reached'));
    const control = await badJson(app, '/control/x');
    expect([control.status, control.body]).toEqual([400, { error: 'bad_request', message: 'the request body is not valid JSON' }]);
    const oauth = await badJson(app, '/oauth/x');
    expect([oauth.status, oauth.body]).toEqual([400, { error: 'invalid_request', error_description: 'the request body is not valid JSON' }]);
    const gateway = await badJson(app, '/unmarked/x');
    expect([gateway.status, gateway.body]).toEqual([400, { code: 'BAD_REQUEST', message: 'the request body is not valid JSON' }]);
    const page = await badJson(app, '/pages/x');
    expect(page.status).toBe(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('data-testid="bad-request"');
    expect(page.text).toContain('the request body is not valid JSON');
  });

  it('answers an unexpected error with each family’s 500, showing nothing of it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = appThrowing(() => new Error('secret detail'));
    const control = await request(app).get('/control/x');
    expect([control.status, control.body]).toEqual([500, { error: 'internal_error', message: 'an unexpected error occurred' }]);
    const oauth = await request(app).get('/oauth/x');
    expect([oauth.status, oauth.body]).toEqual([500, { error: 'server_error', error_description: 'an unexpected error occurred' }]);
    const gateway = await request(app).get('/unmarked/x');
    expect([gateway.status, gateway.body.code]).toEqual([500, 'INTERNAL_SERVER_ERROR']);
    const page = await request(app).get('/pages/x');
    expect(page.status).toBe(500);
    expect(page.text).toContain('Sorry, there is a problem with the service');
    expect(page.text).not.toContain('secret detail');
    expect(page.text).not.toContain('error-handler');
  });

  it('answers a ControlError on the control API as {error, message} with its status', async () => {
    const res = await request(appThrowing(() => new ControlError(409, 'busy'))).get('/control/x');
    expect([res.status, res.body]).toEqual([409, { error: 'conflict', message: 'busy' }]);
  });

  it('renders a PageError on the pages as message.njk with its status', async () => {
    const app = appThrowing(() => new PageError(410, { title: 'Gone away', paragraphs: ['It left.'], actions: [{ text: 'Back', href: '/start', testid: 'back' }], testid: 'gone' }));
    const res = await request(app).get('/pages/x');
    expect(res.status).toBe(410);
    expect(res.headers['cache-control']).toBe('no-cache, no-store, must-revalidate');
    expect(res.text).toContain('<h1 class="govuk-heading-l" data-testid="gone">Gone away</h1>');
    expect(res.text).toContain('It left.');
    expect(res.text).toContain('data-testid="back"');
    expect(res.text).toContain('<title>Gone away - HMRC - GOV.UK</title>');
  });

  it('answers a sign-up refusal as {error: code, message} on the control API and as the service’s page on its pages', async () => {
    const app = appThrowing(() => new SignUpError('already_signed_up', 'AA123456A is already signed up'));
    const control = await request(app).post('/control/sign-ups');
    expect([control.status, control.body]).toEqual([409, { error: 'already_signed_up', message: 'AA123456A is already signed up' }]);
    const page = await request(app).get('/pages/x');
    expect(page.status).toBe(409);
    expect(page.text).toContain('Already signed up');
    expect(page.text).toContain('AA123456A is already signed up');
    expect(page.text).toContain('data-testid="start-again"');
    expect(page.text).toContain('Sign up for Making Tax Digital for Income Tax');
  });

  it('gives a VAT refusal’s page the code as its heading’s testid', async () => {
    const app = appThrowing(() => new VatSignUpError('sign_up_pending', 'pending'));
    const control = await request(app).get('/control/vat/1/sign-up');
    expect([control.status, control.body]).toEqual([409, { error: 'sign_up_pending', message: 'pending' }]);
    const page = await request(app).get('/pages/x');
    expect(page.status).toBe(409);
    expect(page.text).toContain('data-testid="sign-up-pending">Your sign-up is being processed</h1>');
  });

  it('answers the store out of reach with the gateway’s 503 on every surface', async () => {
    const app = appThrowing(() => new StoreUnavailableError('down'));
    for (const path of ['/pages/x', '/oauth/x', '/control/x', '/unmarked/x']) {
      const res = await request(app).get(path);
      expect([res.status, res.body]).toEqual([503, { code: 'SERVER_ERROR', message: 'Service unavailable' }]);
    }
  });
});
