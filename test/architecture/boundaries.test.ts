import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources, specifiers } from './sources.js';

/**
 * The two products stay apart (issue 15, "The core"): the conformance kit uses only the emulator's public entry,
 * `emulator/index.ts`, and grades vendors by its own rules; the emulator never imports the kit; the command line
 * that composes both (`cli/`) is imported by neither. Checked on every import and export statement of the source,
 * static and dynamic, tests included.
 */
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
    const files = [...sources('emulator', { tests: true }), ...sources('conformance', { tests: true })];
    expect(files.length).toBeGreaterThan(100);
    const broken = files.flatMap(({ path, source }) =>
      specifiers(source).flatMap((s) => {
        const why = violation(path, s);
        return why ? [`${path} imports ${s}: ${why}`] : [];
      }),
    );
    expect(broken).toEqual([]);
  });
});
