import nunjucks from 'nunjucks';

/** The most renderings kept: the layout's components take a handful of parameter sets (a service name each). */
const MAX_KEPT = 64;

/**
 * `govukOnce(name, params)`, a template global: GOV.UK Frontend's component `name` (e.g. `"footer"` for
 * `govukFooter`) rendered with `params` once, then the same HTML for the same parameters. For the layout's header,
 * service navigation, phase banner and footer, whose parameters never (or hardly) change: rendering those four was
 * 40 % of rendering a sign-in or grant page (docs/benchmarks.md). A component's HTML depends only on its parameters
 * (a macro sees no template variables, and the only global, `govukRebrand`, is constant), so the kept HTML is what
 * the macro would render; it is marked safe as the macro's own output is, and the macro escapes `params` as usual.
 * Parameters are keyed by their JSON, so only plain data (strings, numbers, booleans, null, arrays and plain objects
 * of them) is kept; anything else (a safe string, a date, undefined) is rendered every time, as the macro would be.
 *
 * @example
 * {{ govukOnce("footer", { rebrand: true }) }}
 */
export function addConstantComponents(env: nunjucks.Environment): void {
  const kept = new Map<string, nunjucks.runtime.SafeString>();
  env.addGlobal('govukOnce', (name: unknown, params: unknown): nunjucks.runtime.SafeString => {
    if (typeof name !== 'string' || !/^[a-z]+(-[a-z]+)*$/.test(name)) throw new Error(`govukOnce: not a GOV.UK component name: ${String(name)}`);
    const key = plainData(params) ? `${name}\0${JSON.stringify(params ?? {})}` : undefined;
    let html = key === undefined ? undefined : kept.get(key);
    if (!html) {
      const macro = `govuk${name.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase())}`;
      const source = `{% from "govuk/components/${name}/macro.njk" import ${macro} %}{{ ${macro}(params) }}`;
      html = new nunjucks.runtime.SafeString(env.renderString(source, { params }));
      if (key !== undefined) {
        if (kept.size >= MAX_KEPT) kept.clear();
        kept.set(key, html);
      }
    }
    return html;
  });
}

/** Whether `value` is JSON's own kind of data, so that its JSON tells it apart from any other value. */
function plainData(value: unknown, depth = 0): boolean {
  if (depth > 8) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => plainData(v, depth + 1));
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((v) => plainData(v, depth + 1));
}
