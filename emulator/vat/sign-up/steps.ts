import { firstUnanswered, reachable as reachableIn, type QuestionTable } from '../../pages/question-table.js';
import type { VatAnswers } from './vat-sign-up.js';

/**
 * The VAT sign-up questions as one ordered table (pages/question-table.ts), under HMRC's page paths
 * (hmrc/vat-sign-up-frontend `conf/principal.routes`): the VAT number, the known facts (registration date, then the
 * business postcode), the business type and details, the email address and how to be contacted, then check your
 * answers. Where the user goes next is the first unanswered row; a later page is not reachable (the router sends
 * the user back), so no step can be skipped by typing its URL.
 */
export const VAT_QUESTIONS = [
  { id: 'vat-number', answered: (a) => Boolean(a.vrn) },
  { id: 'vat-registration-date', answered: (a) => Boolean(a.vatRegistrationDate) },
  { id: 'business-postcode', answered: (a) => Boolean(a.knownFactsMatched) },
  { id: 'business-type', answered: (a) => Boolean(a.businessType) },
  { id: 'business-details', answered: (a) => Boolean(a.businessName && (a.businessType !== 'limited-company' || a.companyNumber)) },
  { id: 'email-address', answered: (a) => Boolean(a.email) },
  { id: 'receive-email-notifications', answered: (a) => Boolean(a.contactPreference) },
  { id: 'check-your-answers' },
] as const satisfies QuestionTable<string, VatAnswers>;

export type VatStep = (typeof VAT_QUESTIONS)[number]['id'];

const TABLE: QuestionTable<VatStep, VatAnswers> = VAT_QUESTIONS;

/** The first question not yet answered (`check-your-answers` when all are). */
export const firstIncomplete = (a: VatAnswers): VatStep => firstUnanswered(TABLE, a);

/** Whether `step` may be shown now: it is the first incomplete question or an earlier one. */
export const reachable = (step: VatStep, a: VatAnswers): boolean => reachableIn(TABLE, step, a);
