import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecFiles } from './spec-files.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fidelity-files-'));
  writeFileSync(join(dir, 'trailing-comma.json'), '{ "properties": { "name": { "type": "string", "example": "Bob & Bobby Co", }, } }');
  writeFileSync(join(dir, 'broken.json'), '{ "type": "object" ');
  writeFileSync(join(dir, 'paths.yaml'), 'a:\n  $ref: "./trailing-comma.json#/properties/name"\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SpecFiles', () => {
  it('reads a JSON file with a trailing comma as HMRC’s tooling does (as YAML)', () => {
    expect(new SpecFiles().load(join(dir, 'trailing-comma.json'))).toEqual({ properties: { name: { type: 'string', example: 'Bob & Bobby Co' } } });
  });

  it('names the file and JSON’s complaint when it cannot be read either way', () => {
    expect(() => new SpecFiles().load(join(dir, 'broken.json'))).toThrow(/broken\.json: .*JSON/);
    expect(() => new SpecFiles().load(join(dir, 'missing.json'))).toThrow(/spec file not found: .*missing\.json/);
  });

  it('follows $refs across files and pointers', () => {
    const files = new SpecFiles();
    expect(files.walk(join(dir, 'paths.yaml'), '/a').node).toEqual({ type: 'string', example: 'Bob & Bobby Co' });
    expect(files.resolveAll({ b: { $ref: './trailing-comma.json#/properties/name/type' } }, join(dir, 'paths.yaml'))).toEqual({ b: 'string' });
  });
});
