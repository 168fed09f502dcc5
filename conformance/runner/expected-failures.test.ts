import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VendorConfigError } from '../contract/vendor-config.js';
import { loadExpectedFailures } from './expected-failures.js';

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'expected-')), name);
  writeFileSync(path, text);
  return path;
}

describe('the expected-failures file', () => {
  it('reads a YAML list or map, or a JSON list', () => {
    expect(loadExpectedFailures(file('a.yaml', '- id: pkce\n  reason: in release 4.2\n'))).toEqual(new Map([['pkce', 'in release 4.2']]));
    expect(loadExpectedFailures(file('b.yaml', 'throttling: back-off lands next sprint\n'))).toEqual(new Map([['throttling', 'back-off lands next sprint']]));
    expect(loadExpectedFailures(file('c.json', '[{"id": "state-parameter", "reason": "ticket 42"}]'))).toEqual(new Map([['state-parameter', 'ticket 42']]));
    expect(loadExpectedFailures(file('d.yaml', ''))).toEqual(new Map());
  });

  it('names an unknown check id and a missing reason', () => {
    try {
      loadExpectedFailures(file('e.yaml', '- id: no-such-check\n  reason: x\n- id: pkce\n'));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VendorConfigError);
      expect((e as VendorConfigError).problems).toEqual([expect.stringMatching(/\[0\]: "no-such-check" is not a check id$/), expect.stringMatching(/\[1\] \(pkce\): give a reason$/)]);
    }
  });
});
