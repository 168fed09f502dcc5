import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, isPresettable } from '../../emulator/oauth/outcomes.js';

const docs = readFileSync(join(process.cwd(), 'docs', 'journey.md'), 'utf8');
const templates = ['emulator/journey/templates', 'emulator/pages/templates'].flatMap((dir) =>
  readdirSync(dir).filter((f) => f.endsWith('.njk')).map((f) => readFileSync(join(dir, f), 'utf8')),
);

describe('docs/journey.md', () => {
  it('lists every outcome of the catalogue with its error_code and whether it can be preset', () => {
    for (const o of OUTCOMES) {
      const row = docs.split('\n').find((line) => line.startsWith(`| \`${o.id}\` |`));
      expect(row, o.id).toBeDefined();
      if (o.errorCode) expect(row).toContain(`\`${o.errorCode}\``);
      if (o.errorDescription) expect(row).toContain(o.errorDescription);
      expect(row!.trim().endsWith(isPresettable(o.id) ? '| yes |' : '| no |')).toBe(true);
    }
  });

  it('lists every data-testid the journey pages use', () => {
    const ids = new Set(templates.flatMap((t) => [...t.matchAll(/data-testid"?:? ?[=:]? ?"([a-z0-9-]+)"/g)].map((m) => m[1]!)));
    expect(ids.size).toBeGreaterThan(10);
    for (const id of ids) expect(docs, id).toContain(`\`${id}\``);
    for (const o of OUTCOMES.filter((x) => x.ivOutcome)) expect(docs).toContain(`\`iv-outcome-${o.ivOutcome}\``);
  });
});
