import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { controlRoutesForDocs, renderReadme } from './generate-docs.js';

describe('README reference tables', () => {
  it('are up to date with the catalogues and route tables they are generated from (run `npm run docs`)', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(renderReadme(readme, await controlRoutesForDocs())).toBe(readme);
  });
});
