import { writeFileSync } from 'node:fs';
import type { Reporter } from '../runner/report.js';

/** The whole report as JSON (schema: reporters/report.schema.json), each check with its journal evidence. */
export function jsonReporter(path: string): Reporter {
  return { runFinished: (report) => writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`) };
}
