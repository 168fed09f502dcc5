/**
 * How a response differs from HMRC's examples of the same response: field names missing or extra, JSON types that
 * differ, values of enumerated fields that no example shows, and error codes that no example documents. A response
 * is compared with the example it differs from least (HMRC gives several per response: per tax year, per business
 * type, per error code), among those named for the request's tax year if any are. Array items are merged, so `/obligations[]/periodKey` stands for every item's field.
 * These are reported, not failed: examples are illustrations, the schema is the contract.
 */
export interface ExampleComparison {
  /** The example compared with (the closest). */
  example: string;
  differences: string[];
}

interface Field {
  types: Set<string>;
  values: Set<string>;
}

export function compareWithExamples(
  body: unknown,
  examples: Array<{ name: string; value: unknown }>,
  enumFields: ReadonlySet<string> = new Set(),
  /** When some examples are named for it (HMRC names them per tax year: "… for TY 2025-26"), only those are compared. */
  prefer?: string,
): ExampleComparison | undefined {
  if (examples.length === 0 || body === undefined || body === '') return undefined;
  const named = prefer ? examples.filter((e) => e.name.includes(prefer)) : [];
  let best: ExampleComparison | undefined;
  for (const example of named.length ? named : examples) {
    const differences = compare(flatten(example.value), flatten(body), enumFields);
    if (!best || differences.length < best.differences.length) best = { example: example.name, differences };
  }
  const codes = examples.map((e) => errorCode(e.value)).filter((c): c is string => c !== undefined);
  const code = errorCode(body);
  if (best && code !== undefined && codes.length > 0 && !codes.includes(code)) best.differences.unshift(`code ${code} is not among the examples' codes (${[...new Set(codes)].join(', ')})`);
  return best;
}

/** Every field path of a JSON value (`/a/b`, `/list[]/c`; `` for the root) with the types and scalar values seen there. */
export function flatten(value: unknown, path = '', out = new Map<string, Field>()): Map<string, Field> {
  let field = out.get(path);
  if (!field) out.set(path, (field = { types: new Set(), values: new Set() }));
  field.types.add(jsonType(value));
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, `${path}[]`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) flatten(v, `${path}/${key}`, out);
  } else {
    field.values.add(JSON.stringify(value));
  }
  return out;
}

function compare(example: Map<string, Field>, actual: Map<string, Field>, enumFields: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [path, field] of example) {
    // Only where the parent is there (else the parent is what is missing), and not the items of an empty array.
    if (actual.has(path) || !actual.has(parentOf(path)) || path.endsWith('[]')) continue;
    out.push(`missing ${path} (${[...field.types].join('|')})`);
  }
  for (const [path, field] of actual) {
    if (example.has(path) || !example.has(parentOf(path)) || path.endsWith('[]')) continue;
    out.push(`extra ${path} (${[...field.types].join('|')})`);
  }
  for (const [path, field] of actual) {
    const e = example.get(path);
    if (!e) continue;
    const types = [...field.types].filter((t) => !e.types.has(t) && t !== 'null');
    if (types.length) out.push(`type of ${path}: ${[...field.types].join('|')}, example has ${[...e.types].join('|')}`);
    else if (enumFields.has(path) && e.values.size) {
      const unseen = [...field.values].filter((v) => !e.values.has(v));
      if (unseen.length) out.push(`value of ${path}: ${unseen.join(', ')} not among the example's (${[...e.values].join(', ')})`);
    }
  }
  return out;
}

function parentOf(path: string): string {
  if (path.endsWith('[]')) return path.slice(0, -2);
  return path.slice(0, Math.max(0, path.lastIndexOf('/')));
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function errorCode(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof value === 'object' && value !== null && typeof code === 'string' ? code : undefined;
}

/**
 * The field paths (in flatten's notation) that a JSON schema declares as enumerations, found through
 * `properties`, `items` and `allOf`/`oneOf`/`anyOf`.
 */
export function enumFieldsOf(schema: unknown, path = '', out = new Set<string>(), depth = 0): Set<string> {
  if (typeof schema !== 'object' || schema === null || depth > 40) return out;
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.enum)) out.add(path);
  for (const key of ['allOf', 'oneOf', 'anyOf']) if (Array.isArray(s[key])) for (const sub of s[key] as unknown[]) enumFieldsOf(sub, path, out, depth + 1);
  if (typeof s.properties === 'object' && s.properties !== null) for (const [k, sub] of Object.entries(s.properties)) enumFieldsOf(sub, `${path}/${k}`, out, depth + 1);
  if (s.items) enumFieldsOf(s.items, `${path}[]`, out, depth + 1);
  return out;
}
