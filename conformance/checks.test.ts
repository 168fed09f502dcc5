import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from './checks.js';
import { BREAKS } from './broken-vendors/variants.js';
import { SCENARIOS } from './scenarios/index.js';

const scenarioFiles = readdirSync(new URL('./scenarios/', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('the checks catalogue', () => {
  it('gives every check a rule, a reference and a fix', () => {
    for (const check of CHECKS) {
      expect(check.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(check.rule.length).toBeGreaterThan(40);
      expect(check.reference).not.toBe('');
      expect(check.fix).not.toBe('');
    }
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
  });

  it('has one scenario file per check, named by its id', () => {
    for (const check of CHECKS) {
      expect(scenarioFiles).toContain(`${check.id}.ts`);
      expect(SCENARIOS[check.id].id).toBe(check.id);
    }
  });

  it('has a broken vendor for every check, so that no check is one that cannot fail', () => {
    const failed = new Set(BREAKS.flatMap((b) => [...b.fails]));
    for (const check of CHECKS) expect(failed, check.id).toContain(check.id);
  });

  it('is listed, word for word, in docs/conformance.md', () => {
    const docs = readFileSync(new URL('../docs/conformance.md', import.meta.url), 'utf8');
    for (const check of CHECKS) expect(docs).toContain(`| \`${check.id}\` | ${check.rule.replace(/\|/g, '\\|')} | ${check.reference} |`);
  });
});
