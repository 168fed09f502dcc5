import type { Request, Response, Router } from 'express';
import type { Account } from '../accounts/account.js';
import type { EmulatorContext } from '../context.js';
import { AgentServicesAccountError, checkBusiness } from './create-agent-services-account.js';
import type { UserSession } from '../pages/page-sessions.js';
import {
  BUSINESS_TYPE_LABELS,
  BUSINESS_TYPES,
  isFieldError,
  parseAddressLine,
  parseBusinessName,
  parseBusinessType,
  parseEmail,
  parsePostcode,
  parseUtr,
  type BusinessType,
  type FieldError,
} from './subscription-answers.js';
import { backLinkOf, stepPath, type StepName, type SubscriptionAnswers, type SubscriptionAnswerStore } from './subscription-steps.js';

/**
 * The question pages of "Create an agent services account", in HMRC's order and wording (agent-subscription-frontend
 * `conf/messages.en`): business type, UTR, postcode (the known-facts check: no match, or a business that already has
 * an account, gets its page), business name and address (starting from what HMRC holds), email. Each GET shows the
 * page with the answer given so far; each POST checks the answer (400 with an error summary and the field's error),
 * keeps it and goes to the next unanswered page, or back to check answers.
 */
export interface Signed {
  session: UserSession;
  agent: Account;
  answers: SubscriptionAnswers;
}

/** What the question pages borrow from the journey (subscription-pages.ts). */
export interface QuestionKit {
  ctx: EmulatorContext;
  answers: SubscriptionAnswerStore;
  body: (req: Request) => Record<string, unknown>;
  render: (res: Response, template: string, context: Record<string, unknown> & { title: string }, status?: number) => void;
  withErrors: (errors: FieldError[]) => Record<string, unknown>;
  /** The signed-in agent and its answers when it may see the page; otherwise the response is sent. */
  load: (req: Request, res: Response, step: StepName) => Promise<Signed | undefined>;
  /** As `load`, after the CSRF check. */
  loadForm: (req: Request, res: Response, step: StepName) => Promise<Signed | undefined>;
  next: (res: Response, answers: SubscriptionAnswers) => void;
  problemPage: (res: Response, e: AgentServicesAccountError) => void;
}

const UTR_TITLE: Record<BusinessType, string> = {
  sole_trader: 'What is your Self Assessment Unique Taxpayer Reference (UTR)?',
  limited_company: 'What is your Corporation Tax Unique Taxpayer Reference (UTR)?',
  partnership: 'What is the Unique Taxpayer Reference (UTR) of your partnership?',
  llp: 'What is the Unique Taxpayer Reference (UTR) of your limited liability partnership?',
};
const UTR_ABOUT: Record<BusinessType, string> = {
  sole_trader: 'about Self Assessment',
  limited_company: 'about Corporation Tax',
  partnership: 'about Self Assessment',
  llp: 'from HMRC about the limited liability partnership',
};
const soleOrPartnership = (t: BusinessType): boolean => t === 'sole_trader' || t === 'partnership';

export function subscriptionQuestionRoutes(router: Router, kit: QuestionKit): void {
  const { ctx, answers, body, render, withErrors, load, loadForm, next, problemPage } = kit;

  // What type of business are you?
  const businessTypePage = (res: Response, s: Signed, value: unknown, errors: FieldError[] = [], status = 200): void =>
    render(res, 'agents-subscription-business-type.njk', {
      title: 'What type of business are you?',
      action: stepPath('business-type'),
      csrfToken: s.session.csrfToken,
      items: BUSINESS_TYPES.map((t) => ({ value: t, text: BUSINESS_TYPE_LABELS[t], checked: t === value, attributes: { 'data-testid': `business-type-${t.replace(/_/g, '-')}` } })),
      ...withErrors(errors),
    }, status);
  router.get(stepPath('business-type'), async (req, res) => {
    const s = await load(req, res, 'business-type');
    if (s) businessTypePage(res, s, s.answers.businessType);
  });
  router.post(stepPath('business-type'), async (req, res) => {
    const s = await loadForm(req, res, 'business-type');
    if (!s) return;
    const businessType = parseBusinessType(body(req).businessType);
    if (isFieldError(businessType)) return businessTypePage(res, s, undefined, [businessType], 400);
    // A different type asks for the UTR and postcode again.
    const changed = businessType !== s.answers.businessType;
    const a = await answers.update(s.session.id, changed ? { businessType, utr: undefined, postcode: undefined, registration: undefined } : { businessType });
    next(res, a);
  });

  // A one-field question (UTR, postcode, email).
  const question = (res: Response, s: Signed, q: { step: StepName; field: string; title: string; hint: string; value: unknown; testid: string; type?: string; autocomplete?: string; width?: string; inputmode?: string }, errors: FieldError[] = [], status = 200): void =>
    render(res, 'agents-subscription-question.njk', { ...q, action: stepPath(q.step), csrfToken: s.session.csrfToken, backLink: backLinkOf(q.step), ...withErrors(errors) }, status);

  const utrQuestion = (s: Signed, value: unknown) => {
    const type = s.answers.businessType!;
    return {
      step: 'unique-taxpayer-reference' as const,
      field: 'utr',
      title: UTR_TITLE[type],
      hint: `This is 10 numbers, for example 1234567890. It will be on tax returns and other letters ${UTR_ABOUT[type]}. It may be called ‘reference’, ‘UTR’ or ‘official use’.`,
      value,
      testid: 'utr',
      width: 'govuk-input--width-10',
      inputmode: 'numeric',
    };
  };
  router.get(stepPath('unique-taxpayer-reference'), async (req, res) => {
    const s = await load(req, res, 'unique-taxpayer-reference');
    if (s) question(res, s, utrQuestion(s, s.answers.utr));
  });
  router.post(stepPath('unique-taxpayer-reference'), async (req, res) => {
    const s = await loadForm(req, res, 'unique-taxpayer-reference');
    if (!s) return;
    const utr = parseUtr(body(req).utr, s.answers.businessType!);
    if (isFieldError(utr)) return question(res, s, utrQuestion(s, String(body(req).utr ?? '').slice(0, 100)), [utr], 400);
    const a = await answers.update(s.session.id, utr === s.answers.utr ? {} : { utr, postcode: undefined, registration: undefined });
    next(res, a);
  });

  const postcodeQuestion = (s: Signed, value: unknown) => {
    const registered = soleOrPartnership(s.answers.businessType!);
    return {
      step: 'postcode' as const,
      field: 'postcode',
      title: registered ? 'What is the postcode of the address you registered with HMRC for Self Assessment?' : 'What is the postcode of your registered office?',
      hint: registered ? 'This could be a home address.' : 'The registered office address is an address you submitted to Companies House when you registered your limited liability partnership (LLP) or limited company.',
      value,
      testid: 'postcode',
      width: 'govuk-input--width-10',
      autocomplete: 'postal-code',
    };
  };
  router.get(stepPath('postcode'), async (req, res) => {
    const s = await load(req, res, 'postcode');
    if (s) question(res, s, postcodeQuestion(s, s.answers.postcode));
  });
  router.post(stepPath('postcode'), async (req, res) => {
    const s = await loadForm(req, res, 'postcode');
    if (!s) return;
    const postcode = parsePostcode(body(req).postcode);
    if (isFieldError(postcode)) return question(res, s, postcodeQuestion(s, String(body(req).postcode ?? '').slice(0, 100)), [postcode], 400);
    try {
      const registration = await checkBusiness(ctx, s.answers.utr!, postcode);
      await answers.update(s.session.id, { postcode, registration, businessName: undefined, addressLine1: undefined, addressLine2: undefined });
      res.redirect(303, stepPath('business-details'));
    } catch (e) {
      if (!(e instanceof AgentServicesAccountError)) throw e;
      await answers.update(s.session.id, { postcode, registration: undefined });
      problemPage(res, e);
    }
  });

  // Business name and address, starting from what HMRC holds.
  const detailsPage = (res: Response, s: Signed, values: Record<string, unknown>, errors: FieldError[] = [], status = 200): void =>
    render(res, 'agents-subscription-business-details.njk', {
      title: 'Confirm your business name and address',
      utr: s.answers.utr,
      postcode: s.answers.registration!.address.postcode,
      values,
      action: stepPath('business-details'),
      csrfToken: s.session.csrfToken,
      backLink: backLinkOf('business-details'),
      ...withErrors(errors),
    }, status);
  router.get(stepPath('business-details'), async (req, res) => {
    const s = await load(req, res, 'business-details');
    if (!s) return;
    const r = s.answers.registration!;
    detailsPage(res, s, { businessName: s.answers.businessName ?? r.name, addressLine1: s.answers.addressLine1 ?? r.address.line1, addressLine2: s.answers.addressLine2 ?? r.address.line2 });
  });
  router.post(stepPath('business-details'), async (req, res) => {
    const s = await loadForm(req, res, 'business-details');
    if (!s) return;
    const b = body(req);
    const parsed = { businessName: parseBusinessName(b.businessName), addressLine1: parseAddressLine(b.addressLine1, 1), addressLine2: parseAddressLine(b.addressLine2, 2) };
    const errors = Object.values(parsed).filter(isFieldError);
    if (errors.length) {
      const values = Object.fromEntries(['businessName', 'addressLine1', 'addressLine2'].map((k) => [k, typeof b[k] === 'string' ? String(b[k]).slice(0, 200) : '']));
      return detailsPage(res, s, values, errors, 400);
    }
    const a = await answers.update(s.session.id, parsed as { businessName: string; addressLine1: string; addressLine2: string });
    next(res, a);
  });

  const emailQuestion = (value: unknown) => ({
    step: 'contact-email-address' as const,
    field: 'email',
    title: 'What is your business email address?',
    hint: 'We will use it to tell you when your agent services account has been created.',
    value,
    testid: 'email',
    type: 'email',
    autocomplete: 'email',
  });
  router.get(stepPath('contact-email-address'), async (req, res) => {
    const s = await load(req, res, 'contact-email-address');
    if (s) question(res, s, emailQuestion(s.answers.email));
  });
  router.post(stepPath('contact-email-address'), async (req, res) => {
    const s = await loadForm(req, res, 'contact-email-address');
    if (!s) return;
    const email = parseEmail(body(req).email);
    if (isFieldError(email)) return question(res, s, emailQuestion(String(body(req).email ?? '').slice(0, 200)), [email], 400);
    const a = await answers.update(s.session.id, { email });
    next(res, a);
  });
}
