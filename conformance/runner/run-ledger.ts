import type { CheckId } from '../checks.js';
import type { Sighting } from '../drivers/user-agent.js';
import type { JournalEntry } from './emulator-client.js';
import { Redactor } from './redact.js';

/**
 * What the kit keeps across one run, for the checks that judge the whole run (fraud prevention headers on every
 * API call, secrets and tokens anywhere the browser went): where each check's journal began, everything the user's
 * browser saw and in which check, and the redactor that keeps secrets and tokens out of the reports.
 */
export class RunLedger {
  readonly redactor = new Redactor();
  readonly sightings: Array<Sighting & { check: CheckId }> = [];
  private readonly starts: Array<{ id: CheckId; since: number }> = [];
  private current: CheckId | undefined;

  /** `since`: the journal position when the run began. */
  constructor(readonly since: number) {}

  checkStarted(id: CheckId, since: number): void {
    this.current = id;
    this.starts.push({ id, since });
  }

  /** The user agents report here everything the browser sees. */
  readonly observe = (sighting: Sighting): void => {
    if (this.current) this.sightings.push({ ...sighting, check: this.current });
  };

  /** The check during which the emulator journalled this entry. */
  checkOf(entry: JournalEntry): CheckId | undefined {
    return this.starts.findLast((s) => s.since < entry.id)?.id;
  }
}
