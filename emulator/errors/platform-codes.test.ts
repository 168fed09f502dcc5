import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLATFORM_CODES } from './platform-codes.js';

/** The emulator's non-test sources other than the list itself, as one text. */
function emulatorSources(): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('platform-codes.ts'))
    .map((f) => readFileSync(join(root, f), 'utf8'))
    .join('\n');
}

describe('the platform error codes', () => {
  const sources = emulatorSources();

  it('lists each code once, in HMRC’s upper snake case', () => {
    expect(new Set(PLATFORM_CODES).size).toBe(PLATFORM_CODES.length);
    for (const code of PLATFORM_CODES) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it('lists no code the emulator never emits', () => {
    expect(PLATFORM_CODES.filter((code) => !sources.includes(`'${code}'`))).toEqual([]);
  });

  it('lists every code a PlatformError or an MTD error is made with in the sources', () => {
    const made = [...sources.matchAll(/(?:new PlatformError|\bmtd)\(\s*\d{3},\s*'([A-Z0-9_]+)'/g)].map((m) => m[1]!);
    expect(made.length).toBeGreaterThan(20);
    expect(made.filter((code) => !(PLATFORM_CODES as readonly string[]).includes(code))).toEqual([]);
  });
});
