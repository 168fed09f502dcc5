import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN, loadPersonaFile } from './personas.js';

describe('persona fixtures', () => {
  it('the built-in personas file, trusted at start-up, passes its schema', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'personas-')), 'personas.yaml');
    writeFileSync(copy, readFileSync(BUILT_IN));
    expect(loadPersonaFile(copy).map((p) => p.name)).toEqual(loadPersonaFile(BUILT_IN, true).map((p) => p.name));
  });

  it("reads a YAML file's parsed copy from dist/yaml-cache only while the copy's name is the file's hash", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'personas-')), 'mine.yaml');
    const text = `personas:\n  - name: from-yaml-${process.pid}\n    affinityGroup: Individual\n    description: parsed\n`;
    writeFileSync(file, text);
    const cache = join(dirname(BUILT_IN), '../dist/yaml-cache');
    const copy = join(cache, `${createHash('sha256').update(text).digest('hex')}.json`);
    mkdirSync(cache, { recursive: true });
    writeFileSync(copy, JSON.stringify({ personas: [{ name: 'from-copy', affinityGroup: 'Individual', description: 'copy' }] }));
    try {
      expect(loadPersonaFile(file).map((p) => p.name)).toEqual(['from-copy']);
      writeFileSync(file, `${text}# edited\n`);
      expect(loadPersonaFile(file).map((p) => p.name)).toEqual([`from-yaml-${process.pid}`]);
    } finally {
      rmSync(copy, { force: true });
    }
  });
});
