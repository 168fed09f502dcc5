import type { Clock } from '../clock/clock.js';
import { firstUnanswered as firstIn, questionIds, reachable as reachableIn, type QuestionTable } from '../pages/question-table.js';
import type { Store } from '../store/store.js';
import type { Registration } from './create-agent-services-account.js';
import type { BusinessType } from './subscription-answers.js';

/**
 * The pages of "Create an agent services account" in order (HMRC's agent-subscription-frontend paths), what each
 * answers, and the answers kept per page session (in the store, as long as the session: 15 idle minutes).
 */
export const SUBSCRIPTION_PATH = '/agent-subscription';

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

/** The pages as one ordered table (pages/question-table.ts): where the user goes next is the first unanswered. */
export const SUBSCRIPTION_QUESTIONS = [
  { id: 'business-type', answered: (a) => Boolean(a.businessType) },
  { id: 'unique-taxpayer-reference', answered: (a) => Boolean(a.utr) },
  { id: 'postcode', answered: (a) => Boolean(a.registration) },
  { id: 'business-details', answered: (a) => Boolean(a.businessName && a.addressLine1) },
  { id: 'contact-email-address', answered: (a) => Boolean(a.email) },
  { id: 'check-answers' },
] as const satisfies QuestionTable<string, SubscriptionAnswers>;

export type StepName = (typeof SUBSCRIPTION_QUESTIONS)[number]['id'];

const TABLE: QuestionTable<StepName, SubscriptionAnswers> = SUBSCRIPTION_QUESTIONS;
const STEPS = questionIds(TABLE);

/** The first page whose question is unanswered; `check-answers` when all are. */
export const firstUnanswered = (a: SubscriptionAnswers): StepName => firstIn(TABLE, a);

/** Whether the page may be shown: every page before it is answered. */
export const reachable = (step: StepName, a: SubscriptionAnswers): boolean => reachableIn(TABLE, step, a);

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
