import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReadme } from './generate-docs.js';

describe('README reference tables', () => {
  it('are up to date with the catalogues they are generated from (run `npm run docs`)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(renderReadme(readme)).toBe(readme);
  });
});
