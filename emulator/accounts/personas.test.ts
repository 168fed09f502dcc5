import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN, loadPersonaFile } from './personas.js';

describe('persona fixtures', () => {
  it('the built-in personas file, trusted at start-up, passes its schema', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'personas-')), 'personas.yaml');
    writeFileSync(copy, readFileSync(BUILT_IN));
    expect(loadPersonaFile(copy).map((p) => p.name)).toEqual(loadPersonaFile(BUILT_IN, true).map((p) => p.name));
  });
});
