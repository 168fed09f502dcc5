/**
 * Renders HMRC's Handlebars feature-flag directives in a spec file, as HMRC's API documentation service does before
 * serving it. Only the forms HMRC's API specs use are understood:
 *
 *   {{#if (enabled 'flag')}} … {{else}} … {{/if}}
 *   {{#unless (releasedInProduction "flag")}} … {{else}} … {{/unless}}
 *
 * Every flag renders as production documentation shows a released feature: `enabled` is true (the feature's fields,
 * examples and schema branches are included) and `releasedInProduction` is true (the "[Test only] " markers are
 * dropped). HMRC's own folder README asks for exactly that ("taking the released-in-production branch"); the
 * emulator is a sandbox for software that will go live, so it is checked against what production will accept.
 *
 * As in Handlebars, a directive alone on its line ("standalone") removes that whole line, so the YAML and JSON
 * around it keep their indentation. Anything else between `{{` and `}}`, or unbalanced blocks, is an error naming
 * the line: a new kind of directive must be looked at, not guessed.
 *
 * @example
 * renderFeatureFlags(`"title": "{{#unless (releasedInProduction 'x')}}[Test only] {{/unless}}TY 2026-27"`)
 * // → `"title": "TY 2026-27"`
 */
export function renderFeatureFlags(text: string, helpers: FlagHelpers = RELEASED): string {
  if (!text.includes('{{')) return text;
  const stack: Array<{ block: 'if' | 'unless'; value: boolean; inElse: boolean }> = [];
  const showing = () => stack.every((f) => (f.inElse ? !f.value : f.value));
  let out = '';
  let from = 0;
  for (const m of text.matchAll(/\{\{([^}]*)\}\}/g)) {
    let start = m.index;
    let end = start + m[0].length;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const newline = text.indexOf('\n', end);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*\r?\n?$/.test(text.slice(end, lineEnd))) [start, end] = [lineStart, lineEnd];
    if (showing()) out += text.slice(from, start);
    from = end;
    const tag = m[1]!.trim();
    const line = text.slice(0, m.index).split('\n').length;
    const open = /^#(if|unless)\s+\(\s*(enabled|releasedInProduction)\s+(?:'([^']*)'|"([^"]*)")\s*\)$/.exec(tag);
    if (open) {
      const helper = open[2] as keyof FlagHelpers;
      stack.push({ block: open[1] as 'if' | 'unless', value: open[1] === 'if' ? helpers[helper](open[3] ?? open[4]!) : !helpers[helper](open[3] ?? open[4]!), inElse: false });
    } else if (tag === 'else') {
      const top = stack.at(-1);
      if (!top || top.inElse) throw new Error(`line ${line}: {{else}} outside an {{#if}} or {{#unless}} block`);
      top.inElse = true;
    } else if (tag === '/if' || tag === '/unless') {
      const top = stack.pop();
      if (!top || `/${top.block}` !== tag) throw new Error(`line ${line}: {{${tag}}} does not close ${top ? `{{#${top.block}}}` : 'any block'}`);
    } else {
      throw new Error(`line ${line}: unsupported Handlebars directive {{${tag}}}`);
    }
  }
  if (stack.length) throw new Error(`{{#${stack.at(-1)!.block}}} is never closed`);
  return out + text.slice(from);
}

export interface FlagHelpers {
  enabled(flag: string): boolean;
  releasedInProduction(flag: string): boolean;
}

/** Every feature enabled and released in production: what HMRC's production documentation shows. */
const RELEASED: FlagHelpers = { enabled: () => true, releasedInProduction: () => true };
