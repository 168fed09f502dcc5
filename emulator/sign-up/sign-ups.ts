import type { Account } from '../accounts/account.js';
import { normalisePostcode } from '../accounts/postcode.js';
import { createRelationship } from '../agents/agent-actions.js';
import { parseDuration } from '../clock/clock.js';
import type { EmulatorContext } from '../context.js';
import { EmailLinks } from './email-links.js';
import { grantMtdItEnrolment } from './grant-mtd-it-enrolment.js';
import { isSignedUp, normaliseNino } from './match-client.js';
import { SIGN_UP_OUTCOMES, type ContactPreference, type SignUp, type SignUpJourney, type SignUpOutcome } from './sign-up.js';
import { SignUpError } from './sign-up-error.js';

/** HMRC: "approval can take up to 3 days". Neither the configured delay nor a preset's may exceed it. */
export const MAX_DECISION_DELAY_MS = 3 * 24 * 3600 * 1000;

/** An outcome queued for the next sign-up of a NINO (control API), one-shot. */
export interface PresetOutcome {
  nino: string;
  outcome: SignUpOutcome;
  /** ISO-8601 duration after submission; absent = decided at once. */
  after?: string | undefined;
}

export interface SubmitSignUp {
  journey: SignUpJourney;
  client: Account;
  agent?: Account | undefined;
  agentEmail?: string | undefined;
  postcode?: string | undefined;
  contactPreference: ContactPreference;
  businessEmail?: string | undefined;
  /** Already verified in the journey (individual, business); otherwise a verification email is sent. */
  businessEmailVerified?: boolean | undefined;
  outcome?: SignUpOutcome | undefined;
  /** ISO-8601 duration up to P3D. */
  after?: string | undefined;
}

const SIGN_UPS = 'sign-ups';
const PENDING = 'sign-ups-pending';
const PRESETS = 'sign-up-presets';
const DECIDED = 'sign-ups-decided';
const SUBMITTING = 'sign-ups-submitting';

/**
 * Sign-ups to Making Tax Digital for Income Tax and their decisions. A submitted sign-up is `pending`
 * until its decision is due on the virtual clock: by default approved after `signUps.approvalDelay`
 * (default P1D; HMRC says up to 3 days); an outcome preset through the control API is applied at once,
 * or after its own `after`. Nothing runs in the background: due decisions are applied by `settleDue()`,
 * which the sign-up router calls on every request, so moving the clock is enough.
 *
 * Approval grants the client's account `HMRC-MTD-IT` (see grant-mtd-it-enrolment.ts), turns any partial
 * authorisation (`Partialauth`, an agent authorised before sign-up) into a relationship, and in the agent
 * journey makes the signing agent the client's main `MTD-IT` agent (ending another agency's main
 * relationship, as HMRC allows one); the outcome is emailed to the contact address.
 *
 * Built with a getter for the context because it uses services constructed beside it.
 */
export class SignUps {
  #emailLinks: EmailLinks | undefined;

  constructor(private readonly context: () => EmulatorContext) {}

  private get ctx(): EmulatorContext {
    return this.context();
  }

  /** Verification links for the journeys' email addresses. */
  get emailLinks(): EmailLinks {
    const { store, clock, messages, baseUrl } = this.ctx;
    return (this.#emailLinks ??= new EmailLinks(store, clock, messages, baseUrl));
  }

  async find(id: string): Promise<SignUp | undefined> {
    return this.ctx.store.get<SignUp>(SIGN_UPS, id);
  }

  async list(filter: { nino?: string | undefined; agentUserId?: string | undefined; status?: string | undefined } = {}): Promise<SignUp[]> {
    const nino = filter.nino ? normaliseNino(filter.nino) : undefined;
    return (await this.ctx.store.entries<SignUp>(SIGN_UPS))
      .map(([, s]) => s)
      .filter((s) => (!nino || s.nino === nino) && (!filter.agentUserId || s.agentUserId === filter.agentUserId) && (!filter.status || s.status === filter.status));
  }

  /** Queues an outcome for the next sign-up of `nino` (replacing any queued one). */
  async preset(preset: PresetOutcome): Promise<PresetOutcome> {
    if (!SIGN_UP_OUTCOMES.includes(preset.outcome)) throw new SignUpError('invalid_request', `outcome must be one of ${SIGN_UP_OUTCOMES.join(', ')}`);
    if (preset.after !== undefined) delayMs(preset.after);
    const stored = { ...preset, nino: normaliseNino(preset.nino) };
    await this.ctx.store.set(PRESETS, stored.nino, stored);
    return stored;
  }

  async presets(): Promise<PresetOutcome[]> {
    return (await this.ctx.store.entries<PresetOutcome>(PRESETS)).map(([, p]) => p);
  }

  /** The outcome queued for `nino`, without using it up. */
  async presetFor(nino: string): Promise<PresetOutcome | undefined> {
    return this.ctx.store.get<PresetOutcome>(PRESETS, normaliseNino(nino));
  }

  /**
   * Whether the journey should stop at once with "cannot sign up yet": an outcome `not-eligible` is
   * queued for the NINO, or none is queued and the taxpayer is not eligible (see `isEligible`).
   */
  async notEligibleUpFront(client: Account): Promise<boolean> {
    const preset = client.identifiers.nino ? await this.presetFor(client.identifiers.nino) : undefined;
    return preset ? preset.outcome === 'not-eligible' : !isEligible(client);
  }

  /**
   * Records a submitted sign-up. Refuses a client who is already signed up or whose sign-up is
   * still pending. Uses up a queued preset for the NINO unless `input.outcome` is given.
   */
  async submit(input: SubmitSignUp): Promise<SignUp> {
    const { ctx } = this;
    const nino = input.client.identifiers.nino ? normaliseNino(input.client.identifiers.nino) : undefined;
    if (!nino) throw new SignUpError('no_nino', 'The account has no National Insurance number, so it cannot be signed up for Making Tax Digital for Income Tax');
    if (input.journey === 'agent' && !input.agent?.identifiers.agentServicesAccountNumber) throw new SignUpError('not_an_agent', 'Only an agent services account can sign up a client');
    // One submission per NINO at a time, even when two requests race: only the first increment sees 1.
    if ((await ctx.store.increment(SUBMITTING, nino, 1, Number.MAX_SAFE_INTEGER)) !== 1) throw new SignUpError('sign_up_pending', 'A sign-up for this taxpayer is already being processed');
    try {
      return await this.record(input, nino);
    } finally {
      await ctx.store.delete(SUBMITTING, nino);
    }
  }

  private async record(input: SubmitSignUp, nino: string): Promise<SignUp> {
    const { ctx } = this;
    await this.settleDue();
    const client = (await ctx.accounts.find(input.client.userId)) ?? input.client;
    if (isSignedUp(client)) throw new SignUpError('already_signed_up', 'This taxpayer is already signed up for Making Tax Digital for Income Tax');
    if ((await this.list({ nino, status: 'pending' })).length) throw new SignUpError('sign_up_pending', 'A sign-up for this taxpayer is already being processed');

    const queued = input.outcome ? undefined : await this.presetFor(nino);
    if (queued) await ctx.store.delete(PRESETS, nino);
    const preset = input.outcome ?? queued?.outcome;
    const planned: SignUpOutcome = preset ?? (isEligible(client) ? 'approved' : 'not-eligible');
    const after = input.outcome ? input.after : (queued?.after ?? input.after);
    const delay = after !== undefined ? delayMs(after) : planned === 'approved' && !preset ? delayMs(ctx.config.signUps.approvalDelay) : 0;

    const now = ctx.clock.now();
    const counter = await ctx.store.increment('counters', 'sign-ups', 1, Number.MAX_SAFE_INTEGER);
    const signUp: SignUp = {
      id: `SU${String(counter).padStart(10, '0')}`,
      journey: input.journey,
      status: 'pending',
      nino,
      postcode: input.postcode ? normalisePostcode(input.postcode) : undefined,
      clientUserId: client.userId,
      agentUserId: input.agent?.userId,
      arn: input.agent?.identifiers.agentServicesAccountNumber,
      agentEmail: input.agentEmail,
      contactPreference: input.contactPreference,
      businessEmail: input.contactPreference === 'emails' ? input.businessEmail?.trim() : undefined,
      businessEmailVerifiedAt: input.contactPreference === 'emails' && input.businessEmailVerified ? iso(now) : undefined,
      submittedAt: iso(now),
      decisionDueAt: iso(now + delay),
      presetOutcome: preset,
      plannedOutcome: planned,
    };
    await ctx.store.set(SIGN_UPS, signUp.id, signUp);
    await ctx.store.set(PENDING, signUp.id, now + delay);
    if (signUp.businessEmail && !signUp.businessEmailVerifiedAt && planned !== 'not-eligible') await this.emailLinks.send('client-email', signUp.businessEmail, client.userId, signUp.id);
    await this.settleDue();
    return (await this.find(signUp.id))!;
  }

  /** Applies every decision that is due on the virtual clock. */
  async settleDue(): Promise<void> {
    const now = this.ctx.clock.now();
    for (const [id, dueAt] of await this.ctx.store.entries<number>(PENDING)) {
      if (dueAt <= now) await this.decide(id);
    }
  }

  /** A client's business email was verified through the link sent at submission. */
  async businessEmailVerified(id: string): Promise<void> {
    const signUp = await this.find(id);
    if (signUp && !signUp.businessEmailVerifiedAt) await this.ctx.store.set(SIGN_UPS, id, { ...signUp, businessEmailVerifiedAt: iso(this.ctx.clock.now()) });
  }

  /**
   * Sends the taxpayer a fresh link to verify the business email of sign-up `id` (after the first expired).
   * Refuses a sign-up without a business email or whose email is already verified.
   */
  async resendBusinessEmailLink(id: string): Promise<void> {
    const signUp = await this.find(id);
    if (!signUp) throw new SignUpError('not_found', `no sign-up ${id.slice(0, 40)}`);
    if (!signUp.businessEmail) throw new SignUpError('invalid_request', 'this sign-up has no business email address (contact preference letters)');
    if (signUp.businessEmailVerifiedAt) throw new SignUpError('invalid_request', 'the business email address is already verified');
    await this.emailLinks.send('client-email', signUp.businessEmail, signUp.clientUserId, signUp.id);
  }

  private async decide(id: string): Promise<void> {
    const { ctx } = this;
    // Exactly once, even when requests race: only the first increment sees 1.
    if ((await ctx.store.increment(DECIDED, id, 1, Number.MAX_SAFE_INTEGER)) !== 1) return;
    await ctx.store.delete(PENDING, id);
    const signUp = await this.find(id);
    if (!signUp) return;
    const now = ctx.clock.now();
    const decided: SignUp = { ...signUp, status: signUp.plannedOutcome, decidedAt: iso(now) };
    if (decided.status === 'approved') {
      const client = await ctx.accounts.find(signUp.clientUserId);
      if (client) decided.mtdItId = (await grantMtdItEnrolment(ctx.accounts, client, ctx.config.seed)).mtdItId;
      // HMRC's agent-client-relationships "itsa-post-signup": partial authorisations become relationships.
      for (const invitation of await ctx.agents.invitations.list({ service: 'MTD-IT', clientId: signUp.nino })) {
        if (invitation.status !== 'Partialauth') continue;
        await createRelationship(ctx, { arn: invitation.arn, service: 'MTD-IT', clientId: signUp.nino, agentType: invitation.agentType ?? 'main' });
        await ctx.agents.invitations.setStatus(invitation, 'Accepted');
      }
      // The signing agent last: a client has one main agent per service (createRelationship ends another's).
      if (signUp.arn) await createRelationship(ctx, { arn: signUp.arn, service: 'MTD-IT', clientId: signUp.nino, agentType: 'main' });
    }
    await ctx.store.set(SIGN_UPS, id, decided);
    await this.notify(decided);
  }

  /** Emails the outcome to the agent (agent journey) or to the taxpayer's verified business email. */
  private async notify(signUp: SignUp): Promise<void> {
    const to = signUp.journey === 'agent' ? signUp.agentEmail : signUp.businessEmail;
    if (!to) return;
    const whom = signUp.journey === 'agent' ? `your client (National Insurance number ${signUp.nino})` : 'you';
    const [subject, text] =
      signUp.status === 'approved'
        ? ['Sign-up to Making Tax Digital for Income Tax complete', `We have signed up ${whom} for Making Tax Digital for Income Tax. Reference: ${signUp.id}.`]
        : signUp.status === 'rejected'
          ? ['Sign-up to Making Tax Digital for Income Tax unsuccessful', `We could not sign up ${whom} for Making Tax Digital for Income Tax. Reference: ${signUp.id}.`]
          : ['Cannot sign up for Making Tax Digital for Income Tax yet', `${signUp.journey === 'agent' ? 'Your client is' : 'You are'} not eligible for Making Tax Digital for Income Tax yet. Reference: ${signUp.id}.`];
    await this.ctx.messages.send({ channel: 'email', to, subject, body: `${text}\n\nHM Revenue and Customs`, links: [] });
  }
}

/**
 * HMRC: "Your agent can only sign you up to Making Tax Digital for Income Tax if you have registered for
 * Self Assessment and already submitted a tax return." The emulator's record of Self Assessment
 * registration is the account's SA UTR (`identifiers.saUtr`, Create Test User's `self-assessment`
 * service); without one the sign-up is not eligible unless an outcome is preset. It applies the same
 * rule to individuals and businesses signing themselves up.
 */
export function isEligible(client: Account): boolean {
  return Boolean(client.identifiers.saUtr);
}

/** An ISO-8601 duration from 0 up to 3 days, in milliseconds. */
export function delayMs(duration: string): number {
  const ms = typeof duration === 'string' ? parseDuration(duration) : undefined;
  if (ms === undefined || ms > MAX_DECISION_DELAY_MS) throw new SignUpError('invalid_request', `after must be an ISO-8601 duration of at most 3 days, e.g. "PT0S", "PT4H" or "P3D" (got ${JSON.stringify(duration)})`);
  return ms;
}

const iso = (ms: number): string => new Date(ms).toISOString();
