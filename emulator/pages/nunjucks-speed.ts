import { createRequire } from 'node:module';
import nunjucks from 'nunjucks';

/**
 * Nunjucks' own costs on every page, found by profiling the rendering of the sign-in and grant pages
 * (docs/benchmarks.md, "Measured on 6 December 2026, night"); createPages (pages.ts) applies all three. What a page
 * renders is unchanged: tests in pages.test.ts compare with Nunjucks' own behaviour.
 */

const NUNJUCKS_VERSION = (createRequire(import.meta.url)('nunjucks/package.json') as { version: string }).version;

/**
 * GOV.UK Frontend's macros include their template by a relative path ("./template.njk") on every call, and Nunjucks
 * resolves that path against the including template's each time: the loader remembers each answer (the template
 * folders do not change while the emulator runs).
 */
export function rememberingPaths(loader: nunjucks.FileSystemLoader): nunjucks.FileSystemLoader {
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

/**
 * The components trim their whole HTML (`| trim`), and Nunjucks' trim filter is the regular expression
 * /^\s*|\s*$/g, slow on long strings: String.prototype.trim removes the same characters (JavaScript's `\s` is trim's
 * set: white space and line terminators), and a safe string stays safe. Anything but a string (a number, undefined)
 * goes to Nunjucks' own filter, `nunjucksTrim`, which refuses it as before.
 */
export function nativeTrim(nunjucksTrim: (value: unknown) => unknown): (value: unknown) => unknown {
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
export function setVariablesFaster(): void {
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
