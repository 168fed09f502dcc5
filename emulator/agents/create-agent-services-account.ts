import type { Account, Address } from '../accounts/account.js';
import type { Accounts } from '../accounts/accounts.js';
import { fakeOrganisationAddress } from '../accounts/fake-person.js';
import { generateAccount } from '../accounts/generate-account.js';
import { createPrng } from '../accounts/identifiers/prng.js';
import { postcodeOf, samePostcode } from '../accounts/postcode.js';
import type { EmulatorContext } from '../context.js';
import { arnOf } from './agent-actions.js';
import type { AgentServicesAccount } from './agent-services-accounts.js';
import type { BusinessType } from './subscription-answers.js';

/**
 * Creating an agent services account (HMRC's agent-subscription): an agent user ID without one gives its business
 * details; HMRC checks the business's UTR and postcode against its records, refuses a business that already has an
 * account, and creates the account: an agent reference number (ARN) and the `HMRC-AS-AGENT` enrolment, held by a new
 * Government Gateway user ID (HMRC's journey has the agent create it: "You will need this user ID to sign in to your
 * new agent services account"). That new user ID is the one to link software with. The pages and the control API's
 * `POST /_emulator/agents/{userId}/agent-services-account` both call this. A confirmation email (ARN and new user ID, never
 * the password) goes to the outbox.
 *
 * The emulator's records stand in for HMRC's (DES) registrations: a UTR is known when an account holds it as its
 * `saUtr` or `ctUtr`, and the postcode must be that account's (ignoring case and spaces).
 */
export type AgentServicesAccountErrorCode = 'NOT_AN_AGENT' | 'ALREADY_HAS_ACCOUNT' | 'ALREADY_CREATED' | 'BUSINESS_NOT_FOUND' | 'BUSINESS_ALREADY_SUBSCRIBED';

export class AgentServicesAccountError extends Error {
  constructor(
    readonly code: AgentServicesAccountErrorCode,
    message: string,
    /** The account already made, for ALREADY_CREATED and BUSINESS_ALREADY_SUBSCRIBED. */
    readonly existing?: AgentServicesAccount,
    /** The user's own ARN, for ALREADY_HAS_ACCOUNT. */
    readonly arn?: string,
  ) {
    super(message);
    this.name = 'AgentServicesAccountError';
  }
}

export interface BusinessDetails {
  businessType: BusinessType;
  /** With `postcode`: checked against HMRC's records. Without: no check (control API only). */
  utr?: string | undefined;
  postcode?: string | undefined;
  /** Default: the name HMRC holds for the UTR, else the agent's name. */
  businessName?: string | undefined;
  /** Default: the address HMRC holds for the UTR, else a generated one (also the postcode when this one has none). */
  address?: Address | undefined;
  /** Default: the agent user's email address. */
  email?: string | undefined;
}

/** What HMRC holds for a UTR: the business's name and address. */
export interface Registration {
  utr: string;
  name: string;
  address: Address;
}

/** The registration behind a UTR and postcode, or undefined when they match no record. */
export async function findRegistration(accounts: Accounts, utr: string, postcode: string): Promise<Registration | undefined> {
  const holder = (await accounts.list()).find((a) => a.affinityGroup !== 'Agent' && (a.identifiers.saUtr === utr || a.identifiers.ctUtr === utr));
  const recorded = holder ? postcodeOf(holder) : undefined;
  if (!holder || !recorded || !samePostcode(recorded, postcode)) return undefined;
  const address = holder.organisationDetails?.address ?? holder.individualDetails?.address ?? { line1: '', line2: '', postcode: recorded };
  return { utr, name: holder.organisationDetails?.name ?? holder.userFullName, address };
}

/** Why this user cannot start: not an agent, already has an account, or already created one. */
export async function startProblem(ctx: EmulatorContext, agent: Account): Promise<AgentServicesAccountError | undefined> {
  if (agent.affinityGroup !== 'Agent') return new AgentServicesAccountError('NOT_AN_AGENT', 'You have not signed in with an agent user ID');
  const arn = arnOf(agent);
  if (arn) return new AgentServicesAccountError('ALREADY_HAS_ACCOUNT', `This user ID already has an agent services account (${arn})`, undefined, arn);
  const made = await ctx.agents.servicesAccounts.createdBy(agent.userId);
  if (made) return new AgentServicesAccountError('ALREADY_CREATED', `This user ID has already created an agent services account (${made.arn}): sign in with user ID ${made.userId}`, made);
  return undefined;
}

/** The registration, or why the business cannot have an account: no record matches, or it already has one. */
export async function checkBusiness(ctx: EmulatorContext, utr: string, postcode: string): Promise<Registration> {
  const registration = await findRegistration(ctx.accounts, utr, postcode);
  if (!registration) throw new AgentServicesAccountError('BUSINESS_NOT_FOUND', 'We could not find a business in our records using the UTR and postcode given');
  const existing = await ctx.agents.servicesAccounts.forUtr(utr);
  if (existing) throw new AgentServicesAccountError('BUSINESS_ALREADY_SUBSCRIBED', 'Your business already has an agent services account', existing);
  return registration;
}

/**
 * Creates the agent services account and its new user. Each draws from a PRNG seeded with
 * `<config.seed>:agent-subscription:<n>` (n counts accounts created since start-up or reset).
 *
 * @example
 * const { account, password, record } = await createAgentServicesAccount(ctx, agent, { businessType: 'sole_trader', utr: '1700000000', postcode: 'NW1 6XE' });
 */
export async function createAgentServicesAccount(
  ctx: EmulatorContext,
  agent: Account,
  details: BusinessDetails,
): Promise<{ account: Account; password: string; record: AgentServicesAccount }> {
  const problem = await startProblem(ctx, agent);
  if (problem) throw problem;
  const registration = details.utr && details.postcode ? await checkBusiness(ctx, details.utr, details.postcode) : undefined;
  // One account per agent user and per business, even when the same form arrives twice at once.
  if (!(await ctx.store.claim('agent-subscription-claims', `user:${agent.userId}`))) throw (await startProblem(ctx, agent)) ?? new AgentServicesAccountError('ALREADY_CREATED', 'This user ID has already created an agent services account');
  if (registration && !(await ctx.store.claim('agent-subscription-claims', `utr:${registration.utr}`))) {
    await ctx.store.delete('agent-subscription-claims', `user:${agent.userId}`);
    throw new AgentServicesAccountError('BUSINESS_ALREADY_SUBSCRIBED', 'Your business already has an agent services account');
  }

  const n = await ctx.store.increment('agent-subscription', 'accounts-created', 1, Number.MAX_SAFE_INTEGER);
  const prng = createPrng(`${ctx.config.seed}:agent-subscription:${n}`);
  const generated = await generateAccount(
    { affinityGroup: 'Agent', serviceNames: ['agent-services'] },
    {
      prng,
      today: new Date(ctx.clock.now()),
      taken: (key, value) => ctx.accounts.identifierTaken(key, value),
      userIdTaken: async (userId) => (await ctx.accounts.find(userId)) !== undefined,
    },
  );
  const businessName = details.businessName ?? registration?.name ?? agent.userFullName;
  const fallback = registration?.address ?? fakeOrganisationAddress(prng);
  const address = details.address ? { ...details.address, postcode: details.address.postcode || fallback.postcode } : fallback;
  const email = details.email ?? agent.emailAddress;
  const account: Account = {
    ...generated.account,
    userFullName: agent.userFullName,
    emailAddress: email,
    organisationDetails: { name: businessName, address },
  };
  const arn = arnOf(account)!;
  const record: AgentServicesAccount = {
    arn,
    userId: account.userId,
    createdBy: agent.userId,
    businessType: details.businessType,
    utr: registration?.utr,
    businessName,
    address,
    email,
    createdAt: new Date(ctx.clock.now()).toISOString(),
  };
  await ctx.accounts.add(account);
  await ctx.agents.servicesAccounts.add(record);
  await ctx.messages.send({
    channel: 'email',
    to: email,
    subject: 'You’ve created an agent services account',
    body: `You’ve created an agent services account for ${businessName}. Your agent reference number is ${arn}. Sign in with user ID ${account.userId} to use it.`,
  });
  return { account, password: generated.password, record };
}
