import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchemaLoader } from './schemas.js';

let specs: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(specs, path)), { recursive: true });
  writeFileSync(join(specs, path), text);
}

beforeAll(() => {
  specs = mkdtempSync(join(tmpdir(), 'fidelity-schemas-'));
  write(
    'api/conf/1.0/retrieve.yaml',
    `responses:
  "200":
    content:
      application/json:
        schema:
          oneOf:
            - $ref: './schemas/def1.json'
            {{#if (enabled 'new_year_docs')}}
            - $ref: './schemas/def2.json'
            {{/if}}
`,
  );
  write('api/conf/1.0/schemas/def1.json', '{ "type": "object", "properties": { "old": { "type": "string" } }, "required": ["old"], "additionalProperties": false }');
  write(
    'api/conf/1.0/schemas/def2.json',
    `{
  "title": "{{#unless (releasedInProduction 'r22')}}[Test only] {{/unless}}TY 2026-27",
  "type": "object",
  "properties": {
    {{#if (enabled 'r22')}}
    "fya": { "type": "number" },
    {{/if}}
    "ref": { "type": "string", "pattern": "^[A-Za-z0-9 \\\\\\"#]{0,5}$" }
  },
  "required": ["ref"],
  "additionalProperties": false
}`,
  );
});

afterAll(() => rmSync(specs, { recursive: true, force: true }));

describe('SchemaLoader', () => {
  const ref = { file: 'api/conf/1.0/retrieve.yaml', pointer: '/responses/200' };

  it('renders HMRC’s feature flags in the OpenAPI file and in the JSON schemas it refers to', () => {
    const check = new SchemaLoader(specs).check(ref);
    expect(check({ fya: 1, ref: 'A1' })).toEqual([]);
    expect(check({ old: 'x' })).toEqual([]);
    expect(check({ fya: 'one', ref: 'A1' }).length).toBeGreaterThan(0);
  });

  it('accepts HMRC’s patterns that escape a quote inside a character class', () => {
    const check = new SchemaLoader(specs).check(ref);
    expect(check({ ref: 'a"#' })).toEqual([]);
    expect(check({ ref: 'a$' }).length).toBeGreaterThan(0);
  });

  it('gives the inlined schema for a reference', () => {
    const schema = new SchemaLoader(specs).schemaOf({ file: 'api/conf/1.0/schemas/def2.json' }) as { title: string; properties: object };
    expect(schema.title).toBe('TY 2026-27');
    expect(Object.keys(schema.properties)).toEqual(['fya', 'ref']);
  });

  it('accepts pence amounts that are multiples of 0.01 only up to floating-point error, and rejects fractions of a penny', () => {
    write('api/conf/1.0/schemas/money.json', '{ "type": "number", "multipleOf": 0.01 }');
    const check = new SchemaLoader(specs).check({ file: 'api/conf/1.0/schemas/money.json' });
    expect(check(8431.8)).toEqual([]);
    expect(check(8431.805).length).toBeGreaterThan(0);
  });
});
