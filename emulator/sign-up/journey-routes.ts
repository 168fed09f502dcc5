import express, { type NextFunction, type Request, type Response } from 'express';
import type { Account } from '../accounts/account.js';
import type { EmulatorContext } from '../context.js';
import type { Pages, PageContext } from '../pages/pages.js';
import type { VerifiedEmail } from './email-links.js';
import { firstIncomplete, journeyBase, reachable, type Step } from './journey-steps.js';
import { clientDetailsProblems, isSignedUp, matchClient, normaliseNino } from './match-client.js';
import type { SignUpSession, SignUpSessions } from './sessions.js';
import type { SignUp, SignUpJourney } from './sign-up.js';
import { SignUpError } from './sign-up-error.js';
import { emailProblem, parseContactPreference } from './validate-answers.js';

export interface JourneyDeps {
  ctx: EmulatorContext;
  pages: Pages;
  sessions: SignUpSessions;
}

interface Signed {
  session: SignUpSession;
  account: Account;
  verified: VerifiedEmail | undefined;
}

export const SERVICE_NAME: Record<SignUpJourney, string> = {
  agent: 'Sign up your clients for Making Tax Digital for Income Tax',
  individual: 'Sign up for Making Tax Digital for Income Tax',
  business: 'Sign up your business for Making Tax Digital for Income Tax',
};

const field = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, 300) : '';
};

/**
 * One sign-up journey's pages (agent, individual or business), mounted at its base path. Forms post
 * back to the same URL; a valid answer redirects (303) to the first question still unanswered.
 */
export function journeyRoutes(deps: JourneyDeps, journey: SignUpJourney): express.Router {
  const { ctx, pages, sessions } = deps;
  const router = express.Router();
  const base = journeyBase(journey);
  const serviceName = SERVICE_NAME[journey];
  const agent = journey === 'agent';

  const render = (res: Response, template: string, context: PageContext, status = 200): void =>
    pages.render(res, template, { serviceName, ...context }, status);
  const message = (res: Response, status: number, title: string, paragraphs: string[], actions: Array<{ text: string; href: string; testid: string }> = []): void =>
    render(res, 'message.njk', { title, paragraphs, actions, status }, status);
  const signed = (res: Response): Signed => res.locals.signUp as Signed;
  const next = (res: Response, s: Signed): void => res.redirect(303, `${base}/${firstIncomplete(journey, s.session.answers, s.verified)}`);
  const save = async (s: Signed, changes: Partial<SignUpSession['answers']>): Promise<void> => {
    s.session.answers = { ...s.session.answers, ...changes };
    await sessions.save(s.session);
  };
  const errorsFor = (problems: Record<string, string>): { errors: Array<{ text: string; href: string }>; fieldErrors: Record<string, string> } => ({
    errors: Object.entries(problems).map(([name, text]) => ({ text, href: `#${name}` })),
    fieldErrors: problems,
  });

  const requireSignedIn = async (req: Request, res: Response, nextFn: NextFunction): Promise<void> => {
    const session = await sessions.current(req);
    const account = session?.userId && session.journey === journey ? await ctx.accounts.find(session.userId) : undefined;
    if (!session || !account) return void res.redirect(303, `${base}/sign-in`);
    res.locals.signUp = { session, account, verified: await ctx.signUps.emailLinks.verified(account.userId) } satisfies Signed;
    nextFn();
  };
  const step = (name: Step) => (_req: Request, res: Response, nextFn: NextFunction): void => {
    const s = signed(res);
    if (!reachable(journey, name, s.session.answers, s.verified)) return next(res, s);
    nextFn();
  };

  router.get('/', (_req, res) => res.redirect(303, `${base}/sign-in`));

  // --- Sign in -------------------------------------------------------------------------------------
  const signInHint = agent
    ? 'Sign in with the Government Gateway user ID of your agent services account.'
    : journey === 'individual'
      ? 'Sign in with the Government Gateway user ID you use for your personal tax.'
      : "Sign in with your business's Government Gateway user ID.";
  const signInPage = (res: Response, session: SignUpSession, extra: Partial<PageContext> = {}, status = 200): void =>
    render(res, 'sign-up-sign-in.njk', { title: 'Sign in', hint: signInHint, action: `${base}/sign-in`, csrfToken: session.csrfToken, ...extra }, status);

  router.get('/sign-in', async (req, res) => signInPage(res, await sessions.currentOrNew(req, res)));
  router.post('/sign-in', async (req, res) => {
    const session = (await sessions.current(req))!;
    const userId = field(req.body, 'userId').trim();
    const password = field(req.body, 'password');
    const problems: Record<string, string> = {};
    if (!userId) problems.userId = 'Enter your user ID';
    if (!password) problems.password = 'Enter your password';
    if (Object.keys(problems).length) return signInPage(res, session, { userId, ...errorsFor(problems) }, 400);
    const account = await ctx.accounts.signIn(userId, password);
    if (!account || account.locked) return signInPage(res, session, { userId, errors: [{ text: 'Invalid user ID or password. Try again.', href: '#userId' }] }, 401);

    const refusal = refuse(account);
    if (refusal) return message(res, 403, 'You cannot use this service', [refusal], [{ text: 'Sign in with a different user ID', href: `${base}/sign-in`, testid: 'sign-in-again' }]);
    await sessions.end(session, res);
    const fresh = await sessions.create(res, { journey, userId: account.userId, answers: {} });
    if (!agent) {
      if (isSignedUp(account)) return message(res, 200, 'You have already signed up', ['You are already signed up for Making Tax Digital for Income Tax. Your software can send HMRC your income and expenses.']);
      if ((await ctx.signUps.list({ nino: account.identifiers.nino, status: 'pending' })).length)
        return message(res, 200, 'Your sign-up is being processed', ['We are processing your sign-up for Making Tax Digital for Income Tax. We will tell you the outcome within 3 days.']);
      if (await ctx.signUps.notEligibleUpFront(account)) {
        const signUp = await ctx.signUps.submit({ journey, client: account, contactPreference: 'letters' });
        return notEligible(res, signUp);
      }
    }
    res.redirect(303, `${base}/${firstIncomplete(journey, fresh.answers, await ctx.signUps.emailLinks.verified(account.userId))}`);
  });

  /** Why this account cannot use this journey, if it cannot. */
  function refuse(account: Account): string | undefined {
    if (agent) {
      const isAgent = account.affinityGroup === 'Agent' && account.enrolments.some((e) => e.key === 'HMRC-AS-AGENT') && account.identifiers.agentServicesAccountNumber;
      return isAgent ? undefined : 'You signed in with a user ID that is not for an agent services account. Sign in with the user ID of your agent services account.';
    }
    const wanted = journey === 'individual' ? 'Individual' : 'Organisation';
    if (account.affinityGroup !== wanted)
      return journey === 'individual'
        ? 'This service is for individuals. Agents sign up their clients, and businesses use the business sign-up.'
        : 'This service is for businesses (organisation accounts). Individuals and agents have their own sign-up.';
    if (!account.identifiers.nino) return 'We cannot find a National Insurance number for this account, so it cannot be signed up for Making Tax Digital for Income Tax.';
    return undefined;
  }

  function notEligible(res: Response, signUp: SignUp): void {
    const who = agent ? 'Your client cannot' : 'You cannot';
    message(res, 200, `${who} sign up for Making Tax Digital for Income Tax yet`, [
      `${agent ? 'Your client is' : 'You are'} not eligible for Making Tax Digital for Income Tax yet. ${agent ? 'They' : 'You'} must keep sending Self Assessment tax returns as usual.`,
      `Reference: ${signUp.id}`,
    ], agent ? [{ text: 'Sign up another client', href: `${base}/client-details`, testid: 'sign-up-another' }] : []);
  }

  router.use(requireSignedIn);

  // --- Agent: the client's National Insurance number and postcode ------------------------------------
  const clientDetailsPage = (res: Response, s: Signed, extra: Partial<PageContext> = {}, status = 200): void =>
    render(res, 'sign-up-client-details.njk', { title: "Enter your client's details", action: `${base}/client-details`, csrfToken: s.session.csrfToken, nino: s.session.answers.nino, postcode: s.session.answers.postcode, ...extra }, status);
  if (agent) {
    router.get('/client-details', step('client-details'), (_req, res) => clientDetailsPage(res, signed(res)));
    router.post('/client-details', step('client-details'), async (req, res) => {
      const s = signed(res);
      const nino = field(req.body, 'nino');
      const postcode = field(req.body, 'postcode');
      const problems = clientDetailsProblems(nino, postcode);
      if (Object.keys(problems).length) return clientDetailsPage(res, s, { nino, postcode, ...errorsFor(problems) }, 400);
      let client: Account;
      try {
        client = await matchClient(ctx.accounts, nino, postcode);
      } catch (e) {
        if (!(e instanceof SignUpError)) throw e;
        return clientDetailsPage(res, s, { nino, postcode, errors: [{ text: e.message, href: '#nino' }] }, 400);
      }
      const again = [{ text: 'Sign up another client', href: `${base}/client-details`, testid: 'sign-up-another' }];
      if (isSignedUp(client)) return message(res, 200, 'Your client is already signed up', ['This client is already signed up for Making Tax Digital for Income Tax.'], again);
      if ((await ctx.signUps.list({ nino, status: 'pending' })).length)
        return message(res, 200, "Your client's sign-up is being processed", ['We are processing a sign-up for this client. We will tell you the outcome within 3 days.'], again);
      if (await ctx.signUps.notEligibleUpFront(client)) {
        const signUp = await ctx.signUps.submit({ journey, client, agent: s.account, agentEmail: s.verified?.email, postcode, contactPreference: 'letters' });
        return notEligible(res, signUp);
      }
      await save(s, { nino: normaliseNino(nino), postcode: postcode.trim().toUpperCase(), clientUserId: client.userId });
      next(res, s);
    });
  }

  // --- An email address confirmed by a link: the agent's own, or the taxpayer's business email ------
  const emailTitle = agent ? 'What is your email address?' : 'What is your business email address?';
  const emailHint = agent
    ? "We will use this to contact you about your clients' sign-ups. You only need to confirm it once."
    : 'We will send you an email with a link to confirm this address. The link expires in 3 days.';
  const emailPage = (res: Response, s: Signed, extra: Partial<PageContext> = {}, status = 200): void =>
    render(res, 'sign-up-email.njk', { title: emailTitle, hint: emailHint, action: `${base}/email`, csrfToken: s.session.csrfToken, email: agent ? s.session.answers.pendingEmail : s.session.answers.businessEmail, ...extra }, status);
  router.get('/email', step('email'), (_req, res) => emailPage(res, signed(res)));
  router.post('/email', step('email'), async (req, res) => {
    const s = signed(res);
    const email = field(req.body, 'email').trim();
    const problem = emailProblem(email, agent ? 'your' : 'your business');
    if (problem) return emailPage(res, s, { email, ...errorsFor({ email: problem }) }, 400);
    if (!agent && s.verified?.email === email) {
      await save(s, { businessEmail: email, pendingEmail: undefined });
      return next(res, s);
    }
    await ctx.signUps.emailLinks.send(agent ? 'agent-email' : 'own-email', email, s.account.userId);
    await save(s, agent ? { pendingEmail: email } : { businessEmail: email, pendingEmail: email });
    res.redirect(303, `${base}/check-your-email`);
  });

  const checkEmailPage = (res: Response, s: Signed, extra: Partial<PageContext> = {}, status = 200): void =>
    render(res, 'sign-up-check-your-email.njk', { title: 'Check your email', email: s.session.answers.pendingEmail, action: `${base}/check-your-email`, changeHref: `${base}/email`, csrfToken: s.session.csrfToken, ...extra }, status);
  router.get('/check-your-email', step('check-your-email'), (_req, res) => checkEmailPage(res, signed(res)));
  router.post('/check-your-email', step('check-your-email'), async (_req, res) => {
    const s = signed(res);
    const pending = s.session.answers.pendingEmail;
    if (!s.verified || s.verified.email !== pending) {
      return checkEmailPage(res, s, { errors: [{ text: `You have not confirmed your email address yet. Follow the link in the email we sent to ${pending}.`, href: '#main-content' }] }, 400);
    }
    await save(s, { pendingEmail: undefined });
    next(res, s);
  });

  // --- Emails or letters ------------------------------------------------------------------------------
  const preferenceTitle = agent ? 'How does your client want to get communications from HMRC?' : 'How do you want to get communications from HMRC?';
  const preferencePage = (res: Response, s: Signed, extra: Partial<PageContext> = {}, status = 200): void =>
    render(res, 'sign-up-contact-preference.njk', { title: preferenceTitle, action: `${base}/contact-preference`, csrfToken: s.session.csrfToken, value: s.session.answers.contactPreference, ...extra }, status);
  router.get('/contact-preference', step('contact-preference'), (_req, res) => preferencePage(res, signed(res)));
  router.post('/contact-preference', step('contact-preference'), async (req, res) => {
    const s = signed(res);
    const preference = parseContactPreference(field(req.body, 'contactPreference'));
    if (!preference) return preferencePage(res, s, errorsFor({ contactPreference: agent ? 'Select how your client wants to get communications from HMRC' : 'Select how you want to get communications from HMRC' }), 400);
    await save(s, preference === 'letters' ? { contactPreference: preference, businessEmail: undefined, ...(agent ? {} : { pendingEmail: undefined }) } : { contactPreference: preference });
    next(res, s);
  });

  // --- Agent: the client's business email --------------------------------------------------------------
  if (agent) {
    const clientEmailPage = (res: Response, s: Signed, extra: Partial<PageContext> = {}, status = 200): void =>
      render(res, 'sign-up-email.njk', {
        title: "What is your client's business email address?",
        hint: 'When you submit the sign-up, we will email your client a link to confirm this address. The link expires in 3 days.',
        action: `${base}/client-email`,
        csrfToken: s.session.csrfToken,
        email: s.session.answers.businessEmail,
        ...extra,
      }, status);
    router.get('/client-email', step('client-email'), (_req, res) => clientEmailPage(res, signed(res)));
    router.post('/client-email', step('client-email'), async (req, res) => {
      const s = signed(res);
      const email = field(req.body, 'email').trim();
      const problem = emailProblem(email, "your client's");
      if (problem) return clientEmailPage(res, s, { email, ...errorsFor({ email: problem }) }, 400);
      await save(s, { businessEmail: email });
      next(res, s);
    });
  }

  // --- Check answers, confirm and submit --------------------------------------------------------------
  router.get('/check-answers', step('check-answers'), (_req, res) => {
    const s = signed(res);
    const a = s.session.answers;
    const preference = a.contactPreference === 'emails' ? 'Emails' : 'Letters';
    const rows = agent
      ? [
          { key: 'National Insurance number', value: a.nino, href: `${base}/client-details`, testid: 'nino' },
          { key: 'Postcode', value: a.postcode, href: `${base}/client-details`, testid: 'postcode' },
          { key: 'Your email address', value: s.verified?.email, testid: 'agent-email' },
          { key: 'Contact preference', value: preference, href: `${base}/contact-preference`, testid: 'contact-preference' },
          ...(a.contactPreference === 'emails' ? [{ key: "Client's business email address", value: a.businessEmail, href: `${base}/client-email`, testid: 'business-email' }] : []),
        ]
      : [
          { key: 'National Insurance number', value: s.account.identifiers.nino, testid: 'nino' },
          { key: 'Contact preference', value: preference, href: `${base}/contact-preference`, testid: 'contact-preference' },
          ...(a.contactPreference === 'emails' ? [{ key: 'Business email address', value: a.businessEmail, href: `${base}/email`, testid: 'business-email' }] : []),
        ];
    render(res, 'sign-up-check-answers.njk', {
      title: 'Check your answers',
      rows,
      action: `${base}/check-answers`,
      csrfToken: s.session.csrfToken,
      declaration: agent
        ? 'By submitting this sign-up, you confirm that your client has agreed to use software to send HMRC their income and expenses.'
        : 'By submitting this sign-up, you agree to use software to send HMRC your income and expenses.',
    });
  });
  router.post('/check-answers', step('check-answers'), async (_req, res) => {
    const s = signed(res);
    const a = s.session.answers;
    const client = agent ? await ctx.accounts.find(a.clientUserId!) : s.account;
    if (!client) throw new SignUpError('not_found', 'The client account no longer exists');
    const signUp = await ctx.signUps.submit({
      journey,
      client,
      agent: agent ? s.account : undefined,
      agentEmail: agent ? s.verified?.email : undefined,
      postcode: a.postcode,
      contactPreference: a.contactPreference!,
      businessEmail: a.businessEmail,
      businessEmailVerified: !agent,
    });
    s.session.answers = {};
    s.session.submittedId = signUp.id;
    await sessions.save(s.session);
    res.redirect(303, `${base}/confirmation`);
  });

  router.get('/confirmation', async (_req, res) => {
    const s = signed(res);
    const signUp = s.session.submittedId ? await ctx.signUps.find(s.session.submittedId) : undefined;
    if (!signUp) return next(res, s);
    if (signUp.status === 'not-eligible') return notEligible(res, signUp);
    const them = agent ? 'your client' : 'you';
    const titles = { pending: 'Sign-up submitted', approved: 'Sign-up complete', rejected: 'Sign-up unsuccessful' } as const;
    const paragraphs = {
      pending: [`We will tell you the outcome within 3 days${agent && signUp.agentEmail ? ` by email to ${signUp.agentEmail}` : ''}.`],
      approved: [`We have signed up ${them} for Making Tax Digital for Income Tax. Software can now send HMRC ${agent ? 'their' : 'your'} income and expenses.`],
      rejected: [`We could not sign up ${them} for Making Tax Digital for Income Tax.`],
    }[signUp.status];
    if (agent && signUp.businessEmail) paragraphs.push(`We have sent your client an email asking them to confirm ${signUp.businessEmail}. The link expires in 3 days.`);
    render(res, 'sign-up-confirmation.njk', {
      title: titles[signUp.status],
      reference: signUp.id,
      status: signUp.status,
      paragraphs,
      actions: agent ? [{ text: 'Sign up another client', href: `${base}/client-details`, testid: 'sign-up-another' }] : [],
    });
  });

  return router;
}
