import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecFiles } from './spec-files.js';
import { documentedScenarios, loadOperations, responseExamples } from './spec-operations.js';

let specs: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(specs, path)), { recursive: true });
  writeFileSync(join(specs, path), text);
}

beforeAll(() => {
  specs = mkdtempSync(join(tmpdir(), 'fidelity-specs-'));
  write(
    'demo/conf/2.0/application.yaml',
    `openapi: "3.0.3"
info: { title: Demo, version: "2.0" }
paths:
  /demo/{nino}/things/{taxYear}:
    $ref: "./things.yaml"
  /demo/{nino}/list:
    get:
      responses:
        "200": { description: ok }
`,
  );
  write(
    'demo/conf/2.0/things.yaml',
    `get:
  description: |
    Retrieves things.

    | Header Value (Gov-Test-Scenario) | Scenario |
    |----------------------------------|----------|
    | N/A - DEFAULT                    | Success. |
    | NOT_FOUND                        | No data. |
    {{#if (enabled 'new_things')}}
    | NEW_THING                        | New.     |
    {{/if}}
  parameters:
    - $ref: "./params.yaml#/nino"
    - { name: taxYear, in: path, schema: { type: string, example: "2024-25" } }
  responses:
    "200":
      description: Success
      content:
        application/json:
          examples:
            "For TY 2024-25":
              value:
                $ref: "./examples/thing.json"
            "Broken":
              value:
                $ref: "./examples/missing.json"
delete:
  responses:
    "204": { description: Deleted }
`,
  );
  write('demo/conf/2.0/params.yaml', 'nino: { name: nino, in: path, schema: { type: string } }\n');
  write('demo/conf/2.0/examples/thing.json', '{ "thing": 1{{#unless (releasedInProduction "x")}}, "testOnly": true{{/unless}} }');
  write('other/application.yaml', 'openapi: "3.0.3"\ninfo: { title: Other, version: "1.0" }\npaths:\n  /other: { post: { responses: { "201": { description: Created } } } }\n');
  write('broken/conf/1.0/application.yaml', 'paths:\n  {{#if (enabled "x")}}\n');
});

afterAll(() => rmSync(specs, { recursive: true, force: true }));

describe('loadOperations', () => {
  it('finds every operation of every application.yaml, following $refs and rendering feature flags', () => {
    const { operations, unreadable } = loadOperations(specs, new SpecFiles());
    expect(operations.map((o) => `${o.api} ${o.version} ${o.method} ${o.path}`)).toEqual([
      'demo 2.0 GET /demo/{nino}/things/{taxYear}',
      'demo 2.0 DELETE /demo/{nino}/things/{taxYear}',
      'demo 2.0 GET /demo/{nino}/list',
      'other 1.0 POST /other',
    ]);
    expect(unreadable).toEqual([{ file: 'broken/conf/1.0/application.yaml', problem: expect.stringMatching(/never closed/) }]);
    const get = operations[0]!;
    expect(get.scenarios).toEqual(['DEFAULT', 'NOT_FOUND', 'NEW_THING']);
    expect(get.pathValues).toEqual({ nino: 'TC663795B', taxYear: '2024-25' });
    expect(get.responses).toEqual({ '200': { body: true } });
    expect(operations[1]!.responses).toEqual({ '204': { body: false } });
    expect(get.pointer).toBe('/paths/~1demo~1{nino}~1things~1{taxYear}/get');
  });

  it('gives a response’s examples with $refs resolved, leaving out those that cannot be', () => {
    const files = new SpecFiles();
    const get = loadOperations(specs, files).operations[0]!;
    expect(responseExamples(specs, files, get, '200')).toEqual([{ name: 'For TY 2024-25', value: { thing: 1 } }]);
    expect(responseExamples(specs, files, get, '404')).toEqual([]);
  });
});

describe('documentedScenarios', () => {
  it('reads HMRC’s HTML tables', () => {
    const html = `<table><thead><tr><th>Header Value (Gov-Test-Scenario)</th><th>Scenario</th></tr></thead><tbody>
      <tr><td><p>Default (No header value)</p></td><td><p>Quarterly obligations.</p></td></tr>
      <tr><td><p>QUARTERLY_NONE_MET</p></td><td><p>None met.</p></td></tr></tbody></table>`;
    expect(documentedScenarios(html)).toEqual(['DEFAULT', 'QUARTERLY_NONE_MET']);
  });

  it('reads the scenario column when it is not the first, whatever HMRC’s spelling of the header', () => {
    const md = `| Tax Year | Header Value (Gov_test-Scenario) | Scenario |\n|---|---|---|\n| All | N/A - DEFAULT | ok |\n| Before 2025-26 | \`UK_FHL\` | fhl |\n\nMore text`;
    expect(documentedScenarios(md)).toEqual(['DEFAULT', 'UK_FHL']);
  });

  it('finds none without a table', () => {
    expect(documentedScenarios('Scenario simulation using Gov-Test-Scenario headers is only available in the sandbox.')).toEqual([]);
  });
});
