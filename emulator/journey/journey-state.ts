import type { JourneyVariant } from '../config/defaults.js';
import type { Clock } from '../clock/clock.js';
import type { Store } from '../store/store.js';
import type { JourneyStep, OutcomeId } from '../oauth/outcomes.js';

/**
 * What one link-software journey has done so far. A journey spans several oidc-provider interactions
 * (one per prompt); its id (the first interaction's uid) travels in the interaction result as
 * `journey.id`, and this state lives in the store under that id. The interaction policy (policy.ts)
 * reads it to decide which prompt comes next.
 */
export interface JourneyState {
  id: string;
  clientId: string;
  variant: JourneyVariant;
  /** Virtual time of the last page the user loaded or submitted (session time-out). */
  lastActivity: number;
  started?: boolean | undefined;
  userId?: string | undefined;
  twoStepVerified?: boolean | undefined;
  confidenceLevel?: number | undefined;
  identityDone?: boolean | undefined;
  /** Whether the presets for a starting journey were looked at (once, on its first page). */
  presetChecked?: boolean | undefined;
  /** An outcome preset through the control API for this journey. */
  preset?: OutcomeId | undefined;
  /** The terminal outcome once decided (grant, deny or a failure). */
  outcome?: string | undefined;
}

/** One line of the journey log: a step ran and what was chosen. */
export interface JourneyLogEntry {
  journeyId: string;
  clientId: string;
  userId?: string | undefined;
  step: JourneyStep | 'auto' | 'preset';
  /** What happened or was chosen, e.g. `signed-in`, `wrong-password`, `code-sent`, `iv-failed-matching`, `grant`. */
  choice: string;
  /** Virtual time, ISO-8601. */
  time: string;
}

const NS = 'journeys';
const LOG = 'journey-log';
/** Journey state outlives the interactions it spans (oidc-provider's interaction TTL is 1 hour). */
const KEEP_MS = 2 * 3600_000;

export class JourneyStates {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async get(id: string | undefined): Promise<JourneyState | undefined> {
    return id ? this.store.get<JourneyState>(NS, id) : undefined;
  }

  async save(state: JourneyState): Promise<JourneyState> {
    await this.store.set(NS, state.id, state, { expiresAt: this.clock.now() + KEEP_MS });
    return state;
  }

  async update(id: string, patch: Partial<JourneyState>): Promise<JourneyState | undefined> {
    const state = await this.get(id);
    return state ? this.save({ ...state, ...patch }) : undefined;
  }

  async log(state: Pick<JourneyState, 'id' | 'clientId' | 'userId'>, step: JourneyLogEntry['step'], choice: string): Promise<void> {
    const entry: JourneyLogEntry = { journeyId: state.id, clientId: state.clientId, userId: state.userId, step, choice, time: new Date(this.clock.now()).toISOString() };
    await this.store.append(LOG, entry, 5000);
  }

  /** The journeys in the log, oldest first, each with its steps; filtered by application or user. */
  async history(filter: { clientId?: string | undefined; userId?: string | undefined } = {}): Promise<JourneySummary[]> {
    const byId = new Map<string, JourneySummary>();
    for (const [, e] of await this.store.read<JourneyLogEntry>(LOG)) {
      let j = byId.get(e.journeyId);
      if (!j) byId.set(e.journeyId, (j = { id: e.journeyId, clientId: e.clientId, steps: [] }));
      if (e.userId) j.userId = e.userId;
      j.steps.push({ step: e.step, choice: e.choice, time: e.time });
    }
    const all = [...byId.values()];
    for (const j of all) {
      const state = await this.get(j.id);
      j.userId ??= state?.userId;
      j.variant = state?.variant;
      j.outcome = state?.outcome;
    }
    return all.filter((j) => (!filter.clientId || j.clientId === filter.clientId) && (!filter.userId || j.userId === filter.userId));
  }
}

export interface JourneySummary {
  id: string;
  clientId: string;
  userId?: string | undefined;
  variant?: JourneyVariant | undefined;
  outcome?: string | undefined;
  steps: Array<{ step: string; choice: string; time: string }>;
}
