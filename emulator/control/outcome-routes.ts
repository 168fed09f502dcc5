import { AGENT_OUTCOMES } from '../agents/agent-outcomes.js';
import { ControlError } from '../errors/control-error.js';
import { OUTCOMES, isPresettable } from '../oauth/outcomes.js';
import { SIGN_UP_OUTCOME_CATALOGUE } from '../sign-up/sign-up.js';
import type { ControlRoute } from './route-table.js';
import * as s from './schemas.js';

/** One outcome a test can choose, in the one shape every journey's outcomes are listed in. */
export interface CatalogueOutcome {
  /** The journey it belongs to (a row of CATALOGUE). */
  journey: JourneyName;
  id: string;
  /** Where in that journey it happens: a link-journey step, the sign-up decision, an Agent Authorisation endpoint. */
  appliesTo: string;
  description: string;
  /** Whether a test can choose it; the link journey also lists outcomes that only happen on their own. */
  presettable: boolean;
  /** The control call that chooses it. */
  chooseWith?: string;
}

type JourneyName = 'link-software' | 'income-tax-sign-up' | 'agent-authorisation';

/**
 * Every journey's outcome catalogue, one row a journey: where the catalogue lives stays with its journey (its entries
 * carry journey-specific fields the journey's own route lists), and this table is the one place they are read
 * together (`GET /_emulator/outcomes`), so a tester finds every outcome, and how to choose it, in one answer.
 */
const CATALOGUE: ReadonlyArray<{ journey: JourneyName; chooseWith: string; outcomes: () => Omit<CatalogueOutcome, 'journey' | 'chooseWith'>[] }> = [
  {
    journey: 'link-software',
    chooseWith: 'POST /_emulator/journeys/presets',
    outcomes: () => OUTCOMES.map((o) => ({ id: o.id, appliesTo: o.step, description: o.description, presettable: isPresettable(o.id) })),
  },
  {
    journey: 'income-tax-sign-up',
    chooseWith: 'POST /_emulator/sign-ups/outcomes',
    outcomes: () => SIGN_UP_OUTCOME_CATALOGUE.map((o) => ({ id: o.id, appliesTo: o.appliesTo, description: o.description, presettable: true })),
  },
  {
    journey: 'agent-authorisation',
    chooseWith: 'POST /_emulator/agents/outcomes',
    outcomes: () => AGENT_OUTCOMES.map((o) => ({ id: o.id, appliesTo: o.appliesTo.join(', '), description: o.description, presettable: true })),
  },
];

export const OUTCOME_JOURNEYS: readonly JourneyName[] = CATALOGUE.map((c) => c.journey);

/** Every journey's outcomes, in the catalogue's order; `journey` keeps one journey's. */
export function outcomeCatalogue(journey?: string): CatalogueOutcome[] {
  return CATALOGUE.filter((c) => journey === undefined || c.journey === journey).flatMap((c) =>
    c.outcomes().map((o) => ({ journey: c.journey, ...o, ...(o.presettable ? { chooseWith: c.chooseWith } : {}) })),
  );
}

export function outcomeControlRoutes(): ControlRoute[] {
  return [
    {
      method: 'get',
      path: '/outcomes',
      tag: 'journeys',
      summary: 'Every journey’s outcome catalogue in one list (link software, Income Tax sign-up, agent authorisation), each with the control call that chooses it',
      query: { journey: `only this journey's: ${OUTCOME_JOURNEYS.join(', ')}` },
      responses: {
        200: s.ok(s.list('outcomes', s.object({ journey: { enum: [...OUTCOME_JOURNEYS] }, id: s.str, appliesTo: s.str, description: s.str, presettable: s.bool, chooseWith: s.str }, ['chooseWith']))),
        400: s.badRequest,
      },
      handler: (req, res) => {
        const journey = req.query.journey;
        if (journey !== undefined && !(typeof journey === 'string' && (OUTCOME_JOURNEYS as readonly string[]).includes(journey))) {
          throw new ControlError(400, `journey must be one of: ${OUTCOME_JOURNEYS.join(', ')}`);
        }
        res.json({ outcomes: outcomeCatalogue(journey) });
      },
    },
  ];
}
