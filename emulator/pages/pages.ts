import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Response } from 'express';
import nunjucks from 'nunjucks';
import { addConstantComponents } from './constant-components.js';

/** Where GOV.UK Frontend's built files are (`node_modules/govuk-frontend/dist`). */
export const GOVUK_FRONTEND_DIST = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

/**
 * A template folder next to a module, e.g. `templateDir(import.meta.url)` → `<module dir>/templates`. In `dist/`,
 * `npm run build` puts the templates beside the built modules (scripts/copy-assets.mjs).
 */
export function templateDir(moduleUrl: string, folder = 'templates'): string {
  return join(dirname(fileURLToPath(moduleUrl)), folder);
}

const NUNJUCKS_VERSION = (createRequire(import.meta.url)('nunjucks/package.json') as { version: string }).version;

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

/*
 * Two of Nunjucks' costs on every page, together about a third of rendering one (docs/benchmarks.md, "Flows").
 * GOV.UK Frontend's macros include their template by a relative path ("./template.njk") on every call, and Nunjucks
 * resolves that path against the including template's each time: the loader remembers each answer (the template
 * folders do not change while the emulator runs). The components trim their whole HTML (`| trim`), and Nunjucks'
 * trim filter is the regular expression /^\s*|\s*$/g, slow on long strings: String.prototype.trim removes the same
 * characters (JavaScript's `\s` is trim's set: white space and line terminators), and a safe string stays safe.
 */
function rememberingPaths(loader: nunjucks.FileSystemLoader): nunjucks.FileSystemLoader {
  const resolved = new Map<string, Map<string, string>>();
  const resolve = loader.resolve.bind(loader);
  loader.resolve = (from: string, to: string): string => {
    let paths = resolved.get(from);
    if (!paths) resolved.set(from, (paths = new Map()));
    let path = paths.get(to);
    if (path === undefined) paths.set(to, (path = resolve(from, to)));
    return path;
  };
  return loader;
}

/** Strings and safe strings trimmed natively; anything else (a number, undefined) as Nunjucks' own filter does it. */
function nativeTrim(nunjucksTrim: (value: unknown) => unknown): (value: unknown) => unknown {
  return (value) => {
    if (typeof value === 'string') return value.trim();
    if (value instanceof nunjucks.runtime.SafeString) return new nunjucks.runtime.SafeString(String(value).trim());
    return nunjucksTrim(value);
  };
}

interface Frame {
  variables: Record<string, unknown>;
  set(name: string, value: unknown, resolveUp?: boolean): void;
  resolve(name: string, forWrite: boolean): Frame | undefined;
}

/**
 * A quarter of rendering a page was Nunjucks' `Frame.set`, which every macro call and `{% set %}` runs: it splits the
 * variable's name on "." to allow nested names, allocating an array each time, for names that never have a dot (a
 * template's variables and a macro's parameters). Names without a dot now skip the split and do what the split would
 * have led to: assign in the frame that already has the name (when asked to resolve upwards), else in this one;
 * dotted names take Nunjucks' own way. Sign-in and grant pages together: 319 -> 260 us (docs/benchmarks.md). The
 * prototype is Nunjucks' own, so a process that embeds the emulator and renders with the same copy of Nunjucks gets
 * the same fast path, with the same results. Only for the Nunjucks version it was checked against (3.2.4, whose
 * `Frame.set` it reproduces): any other keeps its own `set`.
 */
function setVariablesFaster(): void {
  const proto = (nunjucks as unknown as { runtime: { Frame?: { prototype: Frame & { fasterSet?: true } } } }).runtime.Frame?.prototype;
  if (!proto || proto.fasterSet || typeof proto.set !== 'function' || typeof proto.resolve !== 'function' || NUNJUCKS_VERSION !== '3.2.4') return;
  const dotted = proto.set;
  proto.set = function set(this: Frame, name: string, value: unknown, resolveUp?: boolean): void {
    if (name.includes('.')) return dotted.call(this, name, value, resolveUp);
    const frame = (resolveUp && this.resolve(name, true)) || this;
    frame.variables[name] = value;
  };
  proto.fasterSet = true;
}
