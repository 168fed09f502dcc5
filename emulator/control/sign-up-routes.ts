import type express from 'express';
import type { Account } from '../accounts/account.js';
import type { EmulatorContext } from '../context.js';
import { matchClient } from '../sign-up/match-client.js';
import { mailboxPage } from '../sign-up/mailbox-page.js';
import { SIGN_UP_OUTCOME_CATALOGUE, SIGN_UP_OUTCOMES, type SignUpJourney, type SignUpOutcome } from '../sign-up/sign-up.js';
import { SignUpError } from '../sign-up/sign-up-error.js';
import { delayMs } from '../sign-up/sign-ups.js';
import { emailProblem, parseContactPreference } from '../sign-up/validate-answers.js';
import type { ControlRoute } from './route-table.js';
import * as s from './schemas.js';

const JOURNEYS: readonly SignUpJourney[] = ['agent', 'individual', 'business'];

/**
 * Control-API shortcuts for the Making Tax Digital for Income Tax sign-up journeys (docs/sign-up.md): what the
 * pages do, in one call; a fresh business-email link; outcomes queued for the next sign-up of a NINO, from any
 * journey; the mailbox as a page. Errors are `{"error": code, "message": …}` (SignUpError's codes).
 */
export function signUpControlRoutes(ctx: EmulatorContext): ControlRoute[] {
  const q = (req: express.Request, name: string): string | undefined => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
  return [
    {
      method: 'get',
      path: '/mailbox/page',
      tag: 'messages',
      summary: 'The mailbox as an HTML page, newest email first, with working links',
      query: { to: 'only emails to this address' },
      responses: { 200: s.htmlPage('The mailbox page') },
      handler: mailboxPage(ctx),
    },
    {
      method: 'get',
      path: '/sign-ups',
      tag: 'sign-ups',
      summary: 'Making Tax Digital for Income Tax sign-ups, decisions due by now applied',
      query: { nino: 'only this taxpayer', agentUserId: 'only this agent', status: 'only this status' },
      responses: { 200: s.ok(s.list('signUps', s.signUp)) },
      handler: async (req, res) => {
        await ctx.signUps.settleDue();
        res.json({ signUps: await ctx.signUps.list({ nino: q(req, 'nino'), agentUserId: q(req, 'agentUserId'), status: q(req, 'status') }) });
      },
    },
    {
      method: 'get',
      path: '/sign-ups/outcomes',
      tag: 'sign-ups',
      summary: 'The sign-up outcome catalogue and the queued outcomes',
      responses: { 200: s.ok(s.object({ catalogue: { type: 'array', items: s.object({ id: { enum: [...SIGN_UP_OUTCOMES] }, appliesTo: s.str, description: s.str }) }, outcomes: { type: 'array', items: { type: 'object' } } })) },
      handler: async (_req, res) => void res.json({ catalogue: SIGN_UP_OUTCOME_CATALOGUE, outcomes: await ctx.signUps.presets() }),
    },
    {
      method: 'post',
      path: '/sign-ups/outcomes',
      tag: 'sign-ups',
      summary: 'Queues an outcome for the next sign-up of a NINO, from any journey',
      body: s.object({ nino: s.str, outcome: { enum: [...SIGN_UP_OUTCOMES] }, after: { type: 'string', description: 'ISO-8601 duration until the decision' } }, ['after']),
      responses: { 201: s.created({ type: 'object' }), 400: signUpError },
      handler: async (req, res) => {
        const body = objectBody(req.body);
        const nino = requiredString(body, 'nino');
        const outcome = parseOutcome(body.outcome, true)!;
        res.status(201).json(await ctx.signUps.preset({ nino, outcome, after: optionalString(body, 'after') }));
      },
    },
    {
      method: 'get',
      path: '/sign-ups/{id}',
      tag: 'sign-ups',
      summary: 'One sign-up',
      params: { id: 'the sign-up id, `SU` + 10 digits' },
      responses: { 200: s.ok(s.signUp), 404: signUpError },
      handler: async (req, res) => {
        await ctx.signUps.settleDue();
        const signUp = await ctx.signUps.find(String(req.params.id));
        if (!signUp) throw new SignUpError('not_found', `no sign-up ${String(req.params.id).slice(0, 40)}`);
        res.json(signUp);
      },
    },
    {
      method: 'post',
      path: '/sign-ups/{id}/verification-email',
      tag: 'sign-ups',
      summary: 'Sends a fresh link for the business email (as when the first expired)',
      params: { id: 'the sign-up id' },
      responses: { 202: s.ok(s.object({ status: { const: 'sent' } }), 'Sent'), 400: signUpError, 404: signUpError, 409: signUpError },
      handler: async (req, res) => {
        await ctx.signUps.resendBusinessEmailLink(String(req.params.id));
        res.status(202).json({ status: 'sent' });
      },
    },
    {
      method: 'post',
      path: '/sign-ups',
      tag: 'sign-ups',
      summary: 'Submits a sign-up in one call, as the pages would (agent journey: `agentUserId`, `nino`, `postcode`; individual or business: `userId` or `nino`)',
      body: s.object(
        {
          journey: { enum: [...JOURNEYS] },
          agentUserId: s.str,
          userId: s.str,
          nino: s.str,
          postcode: s.str,
          agentEmail: s.str,
          contactPreference: { enum: ['emails', 'letters'] },
          businessEmail: s.str,
          outcome: { enum: [...SIGN_UP_OUTCOMES] },
          after: s.str,
        },
        ['journey', 'agentUserId', 'userId', 'nino', 'postcode', 'agentEmail', 'contactPreference', 'businessEmail', 'outcome', 'after'],
      ),
      responses: { 201: s.created(s.signUp), 400: signUpError, 403: signUpError, 404: signUpError, 409: signUpError, 422: signUpError },
      handler: (req, res) => submit(ctx, req, res),
    },
  ];
}

const signUpError = { description: 'Refused: `error` is one of invalid_request, not_found, not_an_agent, wrong_account_type, …', schema: s.controlError };

async function submit(ctx: EmulatorContext, req: express.Request, res: express.Response): Promise<void> {
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
