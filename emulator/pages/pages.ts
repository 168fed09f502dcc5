import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Response } from 'express';
import nunjucks from 'nunjucks';
import { addConstantComponents } from './constant-components.js';
import { nativeTrim, rememberingPaths, setVariablesFaster } from './nunjucks-speed.js';

/** Where GOV.UK Frontend's built files are (`node_modules/govuk-frontend/dist`). */
export const GOVUK_FRONTEND_DIST = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

/**
 * A template folder next to a module, e.g. `templateDir(import.meta.url)` → `<module dir>/templates`. In `dist/`,
 * `npm run build` puts the templates beside the built modules (scripts/copy-assets.mjs).
 */
export function templateDir(moduleUrl: string, folder = 'templates'): string {
  return join(dirname(fileURLToPath(moduleUrl)), folder);
}

/** The shared templates: `layout.njk` (the GOV.UK page every page extends) and `message.njk`. */
export const SHARED_TEMPLATES = templateDir(import.meta.url);

export interface PageContext {
  /** The page's `<h1>` and the first part of its `<title>` ("<title> - <serviceName> - GOV.UK"). */
  title: string;
  /** Shown in the header and the `<title>`; defaults to "HMRC". */
  serviceName?: string;
  /** Validation errors: shown in an error summary, and the title gains the "Error: " prefix. */
  errors?: Array<{ text: string; href?: string }>;
  [key: string]: unknown;
}

export interface Pages {
  /**
   * Renders `template` (a path in one of the template folders) with GOV.UK Frontend and sends it
   * as HTML, never cached. Everything in `context` is HTML-escaped by Nunjucks' autoescape.
   *
   * @example
   * pages.render(res, 'sign-in.njk', { title: 'Sign in', csrfToken }, 401);
   */
  render(res: Response, template: string, context: PageContext, status?: number): void;
  /** The rendered HTML, for tests and for callers that send it themselves. */
  renderToString(template: string, context: PageContext): string;
}

/**
 * A Nunjucks environment over the caller's template folders, the shared templates and GOV.UK
 * Frontend (`{% extends "layout.njk" %}`, `{% from "govuk/components/button/macro.njk" import govukButton %}`).
 * Autoescaping is on: templates never mark user-supplied values `| safe`.
 *
 * @example
 * const pages = createPages([templateDir(import.meta.url)]);
 * router.get('/sign-up', (req, res) => pages.render(res, 'sign-up.njk', { title: 'Create an account' }));
 */
export function createPages(templateDirs: string[] = []): Pages {
  setVariablesFaster();
  const env = new nunjucks.Environment(rememberingPaths(new nunjucks.FileSystemLoader([...templateDirs, SHARED_TEMPLATES, GOVUK_FRONTEND_DIST], { noCache: false })), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addGlobal('govukRebrand', true);
  env.addFilter('trim', nativeTrim(env.getFilter('trim') as (value: unknown) => unknown));
  addConstantComponents(env);
  const renderToString = (template: string, context: PageContext): string => env.render(template, { serviceName: 'HMRC', ...context });
  return {
    renderToString,
    render(res, template, context, status = 200) {
      const html = renderToString(template, context);
      res.status(status).set({ 'Cache-Control': 'no-cache, no-store, must-revalidate', 'Content-Type': 'text/html; charset=utf-8' }).send(html);
    },
  };
}
