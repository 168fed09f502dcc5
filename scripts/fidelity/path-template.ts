/**
 * OpenAPI path templates (`/organisations/vat/{vrn}/returns/{periodKey}`): matching a request path against them and
 * filling them in. A `{name}` stands for exactly one non-empty path segment.
 */

/** Whether the path (query string ignored) is an instance of the template. */
export function matchesTemplate(template: string, path: string): boolean {
  const t = segments(template);
  const p = segments(path.split('?')[0]!);
  return t.length === p.length && t.every((s, i) => (isParameter(s) ? p[i] !== '' : s === p[i]));
}

/**
 * The template the path is an instance of; when several are (`/details/{nino}/list` and `/details/{nino}/{id}`),
 * the one with the most literal segments, as a router would pick.
 */
export function bestTemplate<T>(items: T[], templateOf: (item: T) => string, path: string): T | undefined {
  let best: T | undefined;
  let bestLiterals = -1;
  for (const item of items) {
    const template = templateOf(item);
    if (!matchesTemplate(template, path)) continue;
    const literals = segments(template).filter((s) => !isParameter(s)).length;
    if (literals > bestLiterals) [best, bestLiterals] = [item, literals];
  }
  return best;
}

/** The template with each `{name}` replaced by `value(name)`, URI-encoded. */
export function fillTemplate(template: string, value: (name: string) => string): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(value(name)));
}

function segments(path: string): string[] {
  return path.replace(/\/+$/, '').split('/');
}

function isParameter(segment: string): boolean {
  return /^\{[^}]+\}$/.test(segment);
}
