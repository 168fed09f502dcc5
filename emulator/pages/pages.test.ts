import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { assetRoutes } from './assets.js';
import { createPages } from './pages.js';

describe('pages', () => {
  it('renders a GOV.UK page with the title, service name and escaped values', () => {
    const html = createPages().renderToString('message.njk', { title: 'Hello <b>', paragraphs: ['<script>alert(1)</script>'] });
    expect(html).toContain('<title>Hello &lt;b&gt; - HMRC - GOV.UK</title>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('govuk-template');
  });

  it('prefixes the title with Error: and shows an error summary when there are errors', () => {
    const html = createPages().renderToString('message.njk', { title: 'Sign in', errors: [{ text: 'Enter your user ID', href: '#userId' }] });
    expect(html).toContain('<title>Error: Sign in - HMRC - GOV.UK</title>');
    expect(html).toContain('data-testid="error-summary"');
    expect(html).toContain('href="#userId"');
  });

  it('serves GOV.UK Frontend stylesheet, fonts and images offline under /assets', async () => {
    const app = express().use('/assets', assetRoutes());
    const css = await request(app).get('/assets/govuk-frontend.min.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    expect((await request(app).get('/assets/images/govuk-crest.svg')).status).toBe(200);
    expect((await request(app).get('/assets/govuk-frontend.min.js')).status).toBe(200);
    expect((await request(app).get('/assets/rebrand/images/favicon.svg')).status).toBe(200);
    expect([403, 404]).toContain((await request(app).get('/assets/%2e%2e/%2e%2e/package.json')).status);
    expect((await request(app).get('/assets/nope.css')).status).toBe(404);
  });
});
