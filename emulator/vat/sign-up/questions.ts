import type express from 'express';
import type { Response } from 'express';
import { samePostcode } from '../../accounts/postcode.js';
import { VAT_SIGN_UP_PATH } from './paths.js';
import { errorsFor, field, type VatKit, type VatSigned } from './kit.js';
import type { VatStep } from './steps.js';
import { checkBusinessName, checkBusinessType, checkCompanyNumber, checkContactPreference, checkDate, checkEmail, checkPostcode, checkVrn, type Checked } from './validate.js';
import { BUSINESS_TYPES, type VatAnswers } from './vat-sign-up.js';
import { VatSignUpError } from './vat-sign-up-error.js';

/** One form field as vat-sign-up-question.njk draws it. */
export interface QuestionField {
  kind: 'text' | 'date' | 'radios';
  name: string;
  label: string;
  hint?: string | undefined;
  value?: unknown;
  items?: Array<{ value: string; text: string }> | undefined;
  inputmode?: string | undefined;
  autocomplete?: string | undefined;
  width?: string | undefined;
}

/** What an answer does: field problems (400 with the error summary), changes to save, or a page that stops here. */
type Outcome = { problems: Record<string, string> } | { changes: Partial<VatAnswers> } | { stop: (res: Response) => void };

interface Question {
  step: Exclude<VatStep, 'check-your-answers'>;
  title: string;
  /** Summary anchors for fields whose first input is not `#name` (the date's day). */
  anchors?: Record<string, string>;
  fields(a: VatAnswers, s: VatSigned): QuestionField[];
  answer(body: unknown, s: VatSigned, kit: VatKit): Promise<Outcome>;
}

const one = <T>(name: string, checked: Checked<T>, changes: (value: T) => Partial<VatAnswers>): Outcome =>
  'problem' in checked ? { problems: { [name]: checked.problem } } : { changes: changes(checked.value) };

/**
 * The VAT sign-up questions as data, in HMRC's order (steps.ts), each with its fields and what its answer does.
 * Changing the VAT number or the registration date asks for the known facts again.
 */
export const QUESTIONS: readonly Question[] = [
  {
    step: 'vat-number',
    title: 'What is your VAT number?',
    fields: (a, s) => [{ kind: 'text', name: 'vatNumber', label: 'What is your VAT number?', hint: 'This is the 9-digit number on your VAT registration certificate. For example, 123456789.', value: a.vrn ?? s.account.identifiers.vrn, inputmode: 'numeric', width: 'govuk-input--width-10' }],
    async answer(body, _s, kit) {
      const checked = checkVrn(field(body, 'vatNumber'));
      if ('problem' in checked) return { problems: { vatNumber: checked.problem } };
      try {
        await kit.ctx.vatSignUps.requireNotSignedUp(checked.value);
      } catch (err) {
        if (!(err instanceof VatSignUpError)) throw err;
        const title = err.code === 'already_signed_up' ? 'Your business is already signed up' : 'Your sign-up is being processed';
        return { stop: (res) => kit.message(res, 200, title, [err.message], [{ text: 'Enter a different VAT number', href: `${VAT_SIGN_UP_PATH}/vat-number`, testid: 'try-again' }], err.code.replace(/_/g, '-')) };
      }
      return { changes: { vrn: checked.value, vatRegistrationDate: undefined, knownFactsMatched: false } };
    },
  },
  {
    step: 'vat-registration-date',
    title: 'When did you become VAT registered?',
    anchors: { vatRegistrationDate: 'vatRegistrationDate-day' },
    fields: (a) => [{ kind: 'date', name: 'vatRegistrationDate', label: 'When did you become VAT registered?', hint: 'This is the effective date of registration on your VAT registration certificate. For example, 27 3 2007.', value: dateParts(a.vatRegistrationDate) }],
    async answer(body, _s, kit) {
      const today = new Date(kit.ctx.clock.now()).toISOString().slice(0, 10);
      const checked = checkDate(field(body, 'vatRegistrationDate-day'), field(body, 'vatRegistrationDate-month'), field(body, 'vatRegistrationDate-year'), today);
      return one('vatRegistrationDate', checked, (date) => ({ vatRegistrationDate: date, knownFactsMatched: false }));
    },
  },
  {
    step: 'business-postcode',
    title: 'What is the business postcode?',
    fields: () => [{ kind: 'text', name: 'postcode', label: 'What is the business postcode?', hint: 'This is the postcode where your business is registered for VAT. For example, AA1 1AA.', autocomplete: 'postal-code', width: 'govuk-input--width-10' }],
    async answer(body, s, kit) {
      const checked = checkPostcode(field(body, 'postcode'));
      if ('problem' in checked) return { problems: { postcode: checked.problem } };
      const a = s.session.answers;
      const facts = await kit.ctx.vatSignUps.knownFacts(a.vrn!);
      const matched = facts !== undefined && facts.vatRegistrationDate === a.vatRegistrationDate && facts.postcode !== undefined && samePostcode(facts.postcode, checked.value);
      if (!matched)
        return {
          stop: (res) =>
            kit.message(res, 200, 'We could not confirm your business', ['The information you provided does not match the details we have about your business.'], [{ text: 'Try again', href: `${VAT_SIGN_UP_PATH}/vat-number`, testid: 'try-again' }], 'could-not-confirm-business'),
        };
      return { changes: { knownFactsMatched: true } };
    },
  },
  {
    step: 'business-type',
    title: 'What type of business or group are you signing up?',
    fields: (a) => [{ kind: 'radios', name: 'businessType', label: 'What type of business or group are you signing up?', value: a.businessType, items: BUSINESS_TYPES.map((t) => ({ value: t.id, text: t.text })) }],
    answer: async (body) => one('businessType', checkBusinessType(field(body, 'businessType')), (businessType) => ({ businessType })),
  },
  {
    step: 'business-details',
    title: 'Business details',
    fields: (a, s) => [
      { kind: 'text', name: 'businessName', label: 'Business name', value: a.businessName ?? s.account.organisationDetails?.name, autocomplete: 'organization' },
      ...(a.businessType === 'limited-company' ? [{ kind: 'text' as const, name: 'companyNumber', label: 'Company registration number', hint: 'This is the 8-character number on your certificate of incorporation. For example, 01234567.', value: a.companyNumber, width: 'govuk-input--width-10' }] : []),
    ],
    async answer(body, s) {
      const name = checkBusinessName(field(body, 'businessName'));
      const company = s.session.answers.businessType === 'limited-company' ? checkCompanyNumber(field(body, 'companyNumber')) : undefined;
      const problems: Record<string, string> = {};
      if ('problem' in name) problems.businessName = name.problem;
      if (company && 'problem' in company) problems.companyNumber = company.problem;
      if (Object.keys(problems).length) return { problems };
      return { changes: { businessName: 'value' in name ? name.value : undefined, companyNumber: company && 'value' in company ? company.value : undefined } };
    },
  },
  {
    step: 'email-address',
    title: 'What is the business email address?',
    fields: (a, s) => [{ kind: 'text', name: 'email', label: 'What is the business email address?', hint: 'We will use this to send you the outcome of your sign-up.', value: a.email ?? s.account.emailAddress, autocomplete: 'email' }],
    answer: async (body) => one('email', checkEmail(field(body, 'email')), (email) => ({ email })),
  },
  {
    step: 'receive-email-notifications',
    title: 'How should we contact the business about VAT?',
    fields: (a) => [{ kind: 'radios', name: 'contactPreference', label: 'How should we contact the business about VAT?', value: a.contactPreference, items: [{ value: 'digital', text: 'Email' }, { value: 'paper', text: 'Letters' }] }],
    answer: async (body) => one('contactPreference', checkContactPreference(field(body, 'contactPreference')), (contactPreference) => ({ contactPreference })),
  },
];

/** Mounts every question's page: GET shows it, POST checks the answer and moves on (303) or shows the problems (400). */
export function questionRoutes(router: express.Router, kit: VatKit): void {
  for (const q of QUESTIONS) {
    const page = (res: Response, s: VatSigned, extra: Record<string, unknown> = {}, status = 200): void =>
      kit.render(res, 'vat-sign-up-question.njk', { title: q.title, action: `${VAT_SIGN_UP_PATH}/${q.step}`, csrfToken: s.session.csrfToken, fields: withTestIds(q.fields(s.session.answers, s)), ...extra }, status);
    router.get(`/${q.step}`, kit.step(q.step), (_req, res) => page(res, kit.signed(res)));
    router.post(`/${q.step}`, kit.step(q.step), async (req, res) => {
      const s = kit.signed(res);
      const outcome = await q.answer(req.body, s, kit);
      if ('stop' in outcome) return outcome.stop(res);
      if ('problems' in outcome) {
        const fields = withTestIds(q.fields(s.session.answers, s)).map((f) => ({ ...f, value: f.kind === 'date' ? dateInput(req.body, f.name) : field(req.body, f.name) }));
        return page(res, s, { fields, ...errorsFor(outcome.problems, q.anchors) }, 400);
      }
      await kit.save(s, outcome.changes);
      kit.next(res, s);
    });
  }
}

/** Each field's `data-testid`: its name in kebab case (`vatNumber` → `vat-number`). */
function withTestIds(fields: QuestionField[]): Array<QuestionField & { testid: string }> {
  return fields.map((f) => ({ ...f, testid: f.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) }));
}

function dateParts(iso: string | undefined): { day: string; month: string; year: string } | undefined {
  if (!iso) return undefined;
  const [year, month, day] = iso.split('-') as [string, string, string];
  return { day: String(Number(day)), month: String(Number(month)), year };
}

function dateInput(body: unknown, name: string): { day: string; month: string; year: string } {
  return { day: field(body, `${name}-day`), month: field(body, `${name}-month`), year: field(body, `${name}-year`) };
}
