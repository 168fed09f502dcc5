import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { findCheck } from '../checks.js';
import { VendorConfigError } from '../contract/vendor-config.js';

/**
 * The expected-failures file: checks the vendor knows it fails, each with a reason, so CI fails only on the
 * unexpected. YAML or JSON, either a list or a map:
 *
 * @example
 * - id: pkce
 *   reason: PKCE lands in release 4.2 (ticket VAT-118)
 * # or
 * pkce: PKCE lands in release 4.2
 */
export function loadExpectedFailures(path: string): Map<string, string> {
  let raw: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new VendorConfigError([`expected failures ${path}: ${(e as Error).message}`]);
  }
  const entries: Array<[unknown, unknown]> = Array.isArray(raw)
    ? raw.map((item: unknown) => [(item as { id?: unknown })?.id, (item as { reason?: unknown })?.reason])
    : raw && typeof raw === 'object'
      ? Object.entries(raw)
      : raw === null || raw === undefined
        ? []
        : [[undefined, undefined]];
  const problems: string[] = [];
  const out = new Map<string, string>();
  entries.forEach(([id, reason], i) => {
    if (typeof id !== 'string' || !findCheck(id)) problems.push(`expected failures ${path} [${i}]: ${JSON.stringify(id)} is not a check id`);
    else if (typeof reason !== 'string' || !reason.trim()) problems.push(`expected failures ${path} [${i}] (${id}): give a reason`);
    else out.set(id, reason);
  });
  if (problems.length) throw new VendorConfigError(problems);
  return out;
}
