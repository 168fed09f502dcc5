import type { Clock } from '../clock/clock.js';
import type { Store } from '../store/store.js';
import type { Registration } from './create-agent-services-account.js';
import type { BusinessType } from './subscription-answers.js';

/**
 * The pages of "Create an agent services account" in order (HMRC's agent-subscription-frontend paths), what each
 * answers, and the answers kept per page session (in the store, as long as the session: 15 idle minutes).
 */
export const SUBSCRIPTION_PATH = '/agent-subscription';

export const STEPS = ['business-type', 'unique-taxpayer-reference', 'postcode', 'business-details', 'contact-email-address', 'check-answers'] as const;
export type StepName = (typeof STEPS)[number];

export interface SubscriptionAnswers {
  businessType?: BusinessType;
  utr?: string;
  postcode?: string;
  /** What HMRC holds for the UTR and postcode: set once they match. */
  registration?: Registration;
  businessName?: string;
  addressLine1?: string;
  addressLine2?: string;
  email?: string;
  /** Set once the account is created: shown on the confirmation page. */
  created?: { arn: string; userId: string; password: string; email: string };
}

const answered: Record<Exclude<StepName, 'check-answers'>, (a: SubscriptionAnswers) => boolean> = {
  'business-type': (a) => Boolean(a.businessType),
  'unique-taxpayer-reference': (a) => Boolean(a.utr),
  postcode: (a) => Boolean(a.registration),
  'business-details': (a) => Boolean(a.businessName && a.addressLine1),
  'contact-email-address': (a) => Boolean(a.email),
};

/** The first page whose question is unanswered; `check-answers` when all are. */
export function firstUnanswered(a: SubscriptionAnswers): StepName {
  return STEPS.find((s) => s !== 'check-answers' && !answered[s](a)) ?? 'check-answers';
}

/** Whether the page may be shown: every page before it is answered. */
export function reachable(step: StepName, a: SubscriptionAnswers): boolean {
  return STEPS.indexOf(step) <= STEPS.indexOf(firstUnanswered(a));
}

/** The page before `step`, for its back link. */
export function backLinkOf(step: StepName): string {
  return stepPath(STEPS[Math.max(0, STEPS.indexOf(step) - 1)]!);
}

export const stepPath = (step: StepName | 'complete' | 'start' | 'sign-in' | 'sign-out'): string => `${SUBSCRIPTION_PATH}/${step}`;

const NS = 'agent-subscription-answers';
const IDLE_MS = 15 * 60 * 1000;

export class SubscriptionAnswerStore {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async get(sessionId: string): Promise<SubscriptionAnswers> {
    return (await this.store.get<SubscriptionAnswers>(NS, sessionId)) ?? {};
  }

  async update(sessionId: string, changes: Partial<SubscriptionAnswers>): Promise<SubscriptionAnswers> {
    const next = { ...(await this.get(sessionId)), ...changes };
    await this.store.set(NS, sessionId, next, { expiresAt: this.clock.now() + IDLE_MS });
    return next;
  }
}
