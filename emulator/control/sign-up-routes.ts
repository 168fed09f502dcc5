import express from 'express';
import type { Account } from '../accounts/account.js';
import type { EmulatorContext } from '../context.js';
import { matchClient } from '../sign-up/match-client.js';
import { mailboxPage } from '../sign-up/mailbox-page.js';
import { SIGN_UP_OUTCOME_CATALOGUE, SIGN_UP_OUTCOMES, type SignUpJourney, type SignUpOutcome } from '../sign-up/sign-up.js';
import { SignUpError } from '../sign-up/sign-up-error.js';
import { delayMs } from '../sign-up/sign-ups.js';
import { emailProblem, parseContactPreference } from '../sign-up/validate-answers.js';

const JOURNEYS: readonly SignUpJourney[] = ['agent', 'individual', 'business'];

/**
 * Control-API shortcuts for the Making Tax Digital for Income Tax sign-up journeys (docs/sign-up.md):
 *
 * - `GET  /_emulator/sign-ups[?nino=&agentUserId=&status=]` → `{"signUps": [...]}`
 * - `GET  /_emulator/sign-ups/{id}` → one sign-up, or 404
 * - `POST /_emulator/sign-ups` → 201, the sign-up: what the pages do, in one call, e.g.
 *   `{"agentUserId": "…", "nino": "AA000017A", "postcode": "NW1 6XE", "contactPreference": "emails",
 *   "businessEmail": "client@example.com", "outcome": "rejected", "after": "PT2H"}`
 * - `POST /_emulator/sign-ups/{id}/verification-email` → 202: a fresh link for the business email (the first expired)
 * - `GET/POST /_emulator/sign-ups/outcomes` → the outcome catalogue and the queued outcomes; queue an outcome
 *   for the next sign-up of a NINO, from any journey:
 *   `{"nino": "AA000017A", "outcome": "not-eligible"}`
 * - `GET  /_emulator/mailbox/page` → the mailbox as an HTML page
 *
 * Errors are `{"error": code, "message": …}`.
 */
export function signUpControlRoutes(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  router.use(mailboxPage(ctx));

  router.get('/sign-ups', async (req, res) => {
    await ctx.signUps.settleDue();
    const q = (name: string): string | undefined => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
    res.json({ signUps: await ctx.signUps.list({ nino: q('nino'), agentUserId: q('agentUserId'), status: q('status') }) });
  });

  router.get('/sign-ups/outcomes', async (_req, res) => void res.json({ catalogue: SIGN_UP_OUTCOME_CATALOGUE, outcomes: await ctx.signUps.presets() }));
  router.post('/sign-ups/outcomes', async (req, res) => {
    const body = objectBody(req.body);
    const nino = requiredString(body, 'nino');
    const outcome = parseOutcome(body.outcome, true)!;
    res.status(201).json(await ctx.signUps.preset({ nino, outcome, after: optionalString(body, 'after') }));
  });

  router.get('/sign-ups/:id', async (req, res) => {
    await ctx.signUps.settleDue();
    const signUp = await ctx.signUps.find(String(req.params.id));
    if (!signUp) throw new SignUpError('not_found', `no sign-up ${String(req.params.id).slice(0, 40)}`);
    res.json(signUp);
  });

  router.post('/sign-ups/:id/verification-email', async (req, res) => {
    await ctx.signUps.resendBusinessEmailLink(String(req.params.id));
    res.status(202).json({ status: 'sent' });
  });

  router.post('/sign-ups', async (req, res) => {
    const body = objectBody(req.body);
    const agentUserId = optionalString(body, 'agentUserId');
    const journey = (optionalString(body, 'journey') ?? (agentUserId ? 'agent' : undefined)) as SignUpJourney | undefined;
    if (journey !== undefined && !JOURNEYS.includes(journey)) throw new SignUpError('invalid_request', `journey must be one of ${JOURNEYS.join(', ')}`);
    const outcome = parseOutcome(body.outcome, false);
    const after = optionalString(body, 'after');
    if (after !== undefined) delayMs(after);
    const businessEmail = optionalString(body, 'businessEmail');
    const contactPreference = body.contactPreference === undefined ? (businessEmail ? 'emails' : 'letters') : parseContactPreference(body.contactPreference);
    if (!contactPreference) throw new SignUpError('invalid_request', 'contactPreference must be "emails" or "letters"');
    if (contactPreference === 'emails') {
      const problem = emailProblem(businessEmail ?? '', 'your client\'s');
      if (problem) throw new SignUpError('invalid_request', `businessEmail: ${problem}`);
    }

    if (journey === 'agent') {
      if (!agentUserId) throw new SignUpError('invalid_request', 'agentUserId is required for the agent journey');
      const agent = await ctx.accounts.find(agentUserId);
      if (!agent || agent.affinityGroup !== 'Agent' || !agent.identifiers.agentServicesAccountNumber || !agent.enrolments.some((e) => e.key === 'HMRC-AS-AGENT'))
        throw new SignUpError('not_an_agent', `${agentUserId.slice(0, 40)} is not an agent services account (affinity Agent with HMRC-AS-AGENT)`);
      const client = await matchClient(ctx.accounts, requiredString(body, 'nino'), requiredString(body, 'postcode'));
      const agentEmail = optionalString(body, 'agentEmail');
      if (agentEmail !== undefined) {
        const problem = emailProblem(agentEmail, 'your');
        if (problem) throw new SignUpError('invalid_request', `agentEmail: ${problem}`);
        await ctx.signUps.emailLinks.markVerified(agent.userId, agentEmail);
      }
      const verified = await ctx.signUps.emailLinks.verified(agent.userId);
      const signUp = await ctx.signUps.submit({ journey, client, agent, agentEmail: verified?.email ?? agent.emailAddress, postcode: requiredString(body, 'postcode'), contactPreference, businessEmail, outcome, after });
      return void res.status(201).json(signUp);
    }

    const client = await findTaxpayer(ctx, optionalString(body, 'userId'), optionalString(body, 'nino'));
    const expected = client.affinityGroup === 'Organisation' ? 'business' : 'individual';
    if (client.affinityGroup === 'Agent' || (journey && journey !== expected))
      throw new SignUpError('wrong_account_type', `the ${journey ?? 'individual'} journey needs ${journey === 'business' ? 'an Organisation' : 'an Individual'} account; ${client.userId} is ${client.affinityGroup}`);
    const signUp = await ctx.signUps.submit({ journey: journey ?? expected, client, contactPreference, businessEmail, outcome, after });
    res.status(201).json(signUp);
  });

  router.use('/sign-ups', (err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (err instanceof SignUpError) return void res.status(err.status).json({ error: err.code, message: err.message });
    next(err);
  });
  return router;
}

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new SignUpError('invalid_request', 'the body must be a JSON object');
  return body as Record<string, unknown>;
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > 254) throw new SignUpError('invalid_request', `${name} must be a string of at most 254 characters`);
  return value;
}

function requiredString(body: Record<string, unknown>, name: string): string {
  const value = optionalString(body, name);
  if (!value) throw new SignUpError('invalid_request', `${name} is required`);
  return value;
}

function parseOutcome(value: unknown, required: boolean): SignUpOutcome | undefined {
  if (value === undefined && !required) return undefined;
  if (!SIGN_UP_OUTCOMES.includes(value as SignUpOutcome)) throw new SignUpError('invalid_request', `outcome must be one of ${SIGN_UP_OUTCOMES.join(', ')}`);
  return value as SignUpOutcome;
}

async function findTaxpayer(ctx: EmulatorContext, userId: string | undefined, nino: string | undefined): Promise<Account> {
  if (!userId && !nino) throw new SignUpError('invalid_request', 'give the taxpayer\'s userId or nino (or agentUserId, nino and postcode for the agent journey)');
  const wanted = nino?.replace(/\s/g, '').toUpperCase();
  const account = userId ? await ctx.accounts.find(userId) : (await ctx.accounts.list()).find((a) => a.affinityGroup !== 'Agent' && a.identifiers.nino?.toUpperCase() === wanted);
  if (!account) throw new SignUpError('not_found', userId ? `no account ${userId.slice(0, 40)}` : `no taxpayer with NINO ${wanted}`);
  return account;
}
