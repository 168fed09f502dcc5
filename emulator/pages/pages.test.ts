import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import nunjucks from 'nunjucks';
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

  it('trims as Nunjucks does, and a safe string stays safe', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-'));
    writeFileSync(join(dir, 'trim.njk'), '[{{ plain | trim }}][{{ html | safe | trim }}]');
    const pages = createPages([dir]);
    const padding = ' \t\n\r\v\f\u00a0\u1680\u2000\u2028\u2029\u202f\u205f\u3000\ufeff';
    const plain = `${padding}<b>a  b</b>${padding}`;
    const html = `${padding}<em>x</em>${padding}`;
    const ours = pages.renderToString('trim.njk', { title: 't', plain, html });
    expect(ours).toBe('[&lt;b&gt;a  b&lt;/b&gt;][<em>x</em>]');
    const nunjucksOwn = new nunjucks.Environment(new nunjucks.FileSystemLoader(dir), { autoescape: true });
    expect(ours).toBe(nunjucksOwn.render('trim.njk', { plain, html }));
    // Anything but a string goes to Nunjucks' own filter, which refuses it: a template mistake stays an error.
    expect(() => nunjucksOwn.render('trim.njk', { plain: 5, html })).toThrow();
    expect(() => pages.renderToString('trim.njk', { title: 't', plain: 5, html })).toThrow();
  });

  it('finds the templates GOV.UK Frontend includes by relative path on every render, not only the first', () => {
    const pages = createPages();
    const first = pages.renderToString('message.njk', { title: 'One' });
    const second = pages.renderToString('message.njk', { title: 'Two' });
    expect(second).toBe(first.replaceAll('One', 'Two'));
    expect(second).toContain('govuk-footer');
  });

  it('sets template variables as Nunjucks does: in the frame that has the name when resolving upwards, dotted names nested', () => {
    createPages();
    type F = { variables: Record<string, unknown>; set(n: string, v: unknown, up?: boolean): void; push(isolate?: boolean): F; lookup(n: string): unknown };
    const Frame = (nunjucks as unknown as { runtime: { Frame: new (parent?: F, isolate?: boolean) => F } }).runtime.Frame;
    expect((Frame.prototype as unknown as { fasterSet?: boolean }).fasterSet).toBe(true);
    const root = new Frame();
    root.set('a', 1);
    const child = root.push();
    child.set('a', 2, true);
    expect(root.variables.a).toBe(2);
    expect(child.variables.a).toBeUndefined();
    child.set('b', 3, true);
    expect(child.variables.b).toBe(3);
    expect(root.variables.b).toBeUndefined();
    const isolated = root.push(true);
    isolated.set('a', 4, true);
    expect(isolated.variables.a).toBe(4);
    expect(root.variables.a).toBe(2);
    child.set('x.y.z', 5);
    expect(child.lookup('x')).toEqual({ y: { z: 5 } });
    const html = createPages().renderToString('message.njk', { title: 'T', paragraphs: ['one', 'two'] });
    expect(html).toContain('one');
    expect(html).toContain('two');
  });
});
