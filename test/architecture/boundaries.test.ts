import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The two products stay apart (issue 15, "The core"): the conformance kit uses only the emulator's public entry,
 * `emulator/index.ts`, and grades vendors by its own rules; the emulator never imports the kit; the command line
 * that composes both (`cli/`) is imported by neither. Checked on every import and export statement of the source,
 * static and dynamic, tests included.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every module specifier in a TypeScript source: `import … from`, `export … from`, `import '…'`, `import('…')`. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s*['"]([^'"]+)['"]/gm];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

/** What a file (repository-relative, `/`-separated) may not import, as a reason, or undefined when allowed. */
function violation(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, '.ts');
  const area = (path: string): string => path.split('/')[0]!;
  if (area(file) === 'conformance' && area(target) === 'emulator' && target !== 'emulator/index.ts') return 'the kit may use only the emulator\'s public entry, emulator/index.ts';
  if (area(file) === 'emulator' && area(target) === 'conformance') return 'the emulator may not import the conformance kit';
  if ((area(file) === 'emulator' || area(file) === 'conformance') && area(target) === 'cli') return 'the products may not import the command line that composes them';
  return undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => posix.join(dir, f.split('\\').join('/')));
}

describe('the boundaries between the emulator, the conformance kit and the command line', () => {
  it('finds every kind of import, and judges each by where it points', () => {
    const source = "import { a } from '../../emulator/server.js';\nimport type {\n  B,\n} from '../../emulator/index.js';\nexport * from './x.js';\nimport './side.js';\nconst m = await import('../../conformance/index.js');";
    expect(specifiers(source).sort()).toEqual(['../../conformance/index.js', '../../emulator/index.js', '../../emulator/server.js', './side.js', './x.js']);
    expect(violation('conformance/runner/x.ts', '../../emulator/server.js')).toMatch(/public entry/);
    expect(violation('conformance/runner/x.ts', '../../emulator/index.js')).toBeUndefined();
    expect(violation('emulator/cli/x.ts', '../../conformance/checks.js')).toMatch(/may not import the conformance kit/);
    expect(violation('emulator/cli/x.ts', '../../cli/main.js')).toMatch(/command line/);
    expect(violation('cli/main.ts', '../emulator/cli/serve-command.js')).toBeUndefined();
  });

  it('holds in every source file of emulator/ and conformance/', () => {
    const files = [...sourceFiles('emulator'), ...sourceFiles('conformance')];
    expect(files.length).toBeGreaterThan(100);
    const broken = files.flatMap((file) =>
      specifiers(readFileSync(join(ROOT, file), 'utf8')).flatMap((s) => {
        const why = violation(file, s);
        return why ? [`${file} imports ${s}: ${why}`] : [];
      }),
    );
    expect(broken).toEqual([]);
  });
});
