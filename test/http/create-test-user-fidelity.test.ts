import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type RunningEmulator } from '../../emulator/server.js';
import { createFidelityEnv } from '../../scripts/fidelity/env.js';
import type { FidelityEnv } from '../../scripts/fidelity/probe.js';
import { SchemaLoader } from '../../scripts/fidelity/schemas.js';

/**
 * The fidelity script's machinery, proved both ways without HMRC's specs folder: a tiny made-up specs folder
 * in the shapes HMRC uses (a draft-04 JSON schema, an OpenAPI file with `allOf` + cross-file `$ref`, an
 * example-only response), and a real emulator for the HTTP side (Create Test User, then the sandbox journey).
 */
let specs: string;
let sandbox: RunningEmulator;
let env: FidelityEnv;

beforeAll(async () => {
  specs = mkdtempSync(join(tmpdir(), 'specs-'));
  mkdirSync(join(specs, 'api/schemas'), { recursive: true });
  writeFileSync(
    join(specs, 'api/schemas/user.json'),
    JSON.stringify({
      $schema: 'http://json-schema.org/draft-04/schema#',
      type: 'object',
      properties: { userId: { type: 'string' }, age: { type: 'integer', minimum: 0, maximum: 130, exclusiveMaximum: true }, born: { type: 'string', format: 'date' } },
      required: ['userId'],
    }),
  );
  writeFileSync(
    join(specs, 'api/application.yaml'),
    [
      'openapi: 3.0.3',
      'paths:',
      '  /users:',
      '    post:',
      '      responses:',
      "        '201':",
      '          content:',
      '            application/json:',
      '              schema:',
      '                allOf:',
      "                - $ref: './schemas/user.json'",
      '  /hello:',
      '    get:',
      '      responses:',
      '        200:',
      '          content:',
      '            application/json:',
      '              example: { "message": "Hello World" }',
      '        204:',
      '          description: No content',
    ].join('\n'),
  );
  sandbox = await start({ port: 0, seed: 'fidelity-kit', throttle: { requestsPerSecond: 100_000 } });
  env = createFidelityEnv(sandbox.baseUrl, specs, sandbox.personas, sandbox.applications[0]!);
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('fidelity schema checks', () => {
  it('validates against a draft-04 JSON schema, with formats and draft-04 exclusiveMaximum', () => {
    const check = new SchemaLoader(specs).check({ file: 'api/schemas/user.json' });
    expect(check({ userId: 'a', age: 129, born: '1980-01-10' })).toEqual([]);
    expect(check({ age: 130, born: '10/01/1980' })).toEqual(["/ must have required property 'userId'", '/age must be < 130', '/born must match format "date"']);
  });

  it('follows an OpenAPI response to its schema through allOf and a cross-file $ref', () => {
    const check = new SchemaLoader(specs).check({ file: 'api/application.yaml', pointer: '/paths/~1users/post/responses/201' });
    expect(check({ userId: 'a' })).toEqual([]);
    expect(check({ userId: 7 })).toEqual(['/userId must be string']);
  });

  it('compares against the example when HMRC gives no schema', () => {
    const check = new SchemaLoader(specs).check({ file: 'api/application.yaml', pointer: '/paths/~1hello/get/responses/200/content/application~1json' });
    expect(check({ message: 'Hello World' })).toEqual([]);
    expect(check({ message: 'Hello World!' })[0]).toMatch(/does not equal HMRC's example/);
  });

  it('says clearly when a pointer, a file or a body schema is missing', () => {
    const loader = new SchemaLoader(specs);
    expect(() => loader.check({ file: 'api/nope.json' })).toThrow(/spec file not found/);
    expect(() => loader.check({ file: 'api/application.yaml', pointer: '/paths/~1nope' })).toThrow(/pointer \/paths\/~1nope not found/);
    expect(() => loader.check({ file: 'api/application.yaml', pointer: '/paths/~1hello/get/responses/204' })).toThrow(/no body schema here/);
  });
});

describe('fidelity environment', () => {
  it('creates a test user with an application token and signs it in through the sandbox journey', async () => {
    const created = await env.request('POST', '/create-test-user/individuals', { token: await env.appToken(), body: { serviceNames: ['mtd-income-tax'] } });
    expect(created.status).toBe(201);
    const { userId, password } = created.body as { userId: string; password: string };
    const token = await env.userToken(userId, password, 'hello');
    const res = await env.request('GET', '/hello/user', { token });
    expect(res).toMatchObject({ status: 200, body: { message: 'Hello User' } });
  });

  it('fails the journey with a clear message on a wrong password', async () => {
    const individual = env.persona('individual');
    await expect(env.userToken(individual.userId, 'wrong-password', 'hello')).rejects.toThrow(/signing in as \d{12} answered 401 \(wrong user ID or password/);
  });

  it('names the personas available when one is missing', () => {
    expect(() => env.persona('nobody')).toThrow(/no seeded persona "nobody" \(have: legacy-sandbox-user, individual/);
  });
});
