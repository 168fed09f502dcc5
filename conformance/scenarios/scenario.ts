import type { CheckId } from '../checks.js';
import type { CheckSession } from '../runner/session.js';

/** One check's scenario: a short script over the session's primitives. It throws to fail; returning is a pass. */
export interface Scenario {
  id: CheckId;
  run(session: CheckSession): Promise<void>;
}
