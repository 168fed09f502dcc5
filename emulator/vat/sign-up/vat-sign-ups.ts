import type { Account } from '../../accounts/account.js';
import { parseDuration } from '../../clock/clock.js';
import type { EmulatorContext } from '../../context.js';
import type { BusinessType, VatContactPreference, VatSignUp } from './vat-sign-up.js';
import { VatSignUpError } from './vat-sign-up-error.js';

/** HMRC tells a business that confirmation can take up to 72 hours; the emulator approves exactly then unless told otherwise (decision 0015). */
export const VAT_APPROVAL_DELAY_MS = 72 * 3600 * 1000;

export interface SubmitVatSignUp {
  account: Account;
  vrn: string;
  businessType: BusinessType;
  businessName: string;
  companyNumber?: string | undefined;
  email: string;
  contactPreference: VatContactPreference;
  /** ISO-8601 duration from PT0S to P3D until approval (control API); default 72 hours. */
  after?: string | undefined;
}

/** HMRC's known facts for a VRN: the account registered with it, its VAT registration date and postcode. */
export interface KnownFacts {
  owner: Account;
  vatRegistrationDate: string | undefined;
  postcode: string | undefined;
}

const SIGN_UPS = 'vat-sign-ups';
const PENDING = 'vat-sign-ups-pending';
const APPROVED = 'vat-sign-ups-approved';
const SUBMITTING = 'vat-sign-ups-submitting';

/**
 * Sign-ups to Making Tax Digital for VAT and their approval (decision 0015). A submitted sign-up is `pending`
 * until `submittedAt + 72h` (or the control API's `after`) on the virtual clock; `settleDue()`, called by the
 * front door before every request, approves what is due, so moving the clock is enough. Approval gives the
 * signing account `HMRC-MTD-VAT` (identifier `VRN`, service name `mtd-vat`) and emails the confirmation.
 *
 * While a VRN's sign-up is pending the VAT API refuses it (`awaitingApproval`), as HMRC does for a VRN not
 * signed up for MTD: 403 CLIENT_OR_AGENT_NOT_AUTHORISED, even for an agent with a relationship. A VRN that
 * never went through this sign-up keeps the behaviour it had: the enrolment alone decides.
 */
export class VatSignUps {
  constructor(private readonly context: () => EmulatorContext) {}

  private get ctx(): EmulatorContext {
    return this.context();
  }

  async find(id: string): Promise<VatSignUp | undefined> {
    return this.ctx.store.get<VatSignUp>(SIGN_UPS, id);
  }

  async list(filter: { vrn?: string | undefined; status?: string | undefined } = {}): Promise<VatSignUp[]> {
    return (await this.ctx.store.entries<VatSignUp>(SIGN_UPS))
      .map(([, s]) => s)
      .filter((s) => (!filter.vrn || s.vrn === filter.vrn) && (!filter.status || s.status === filter.status))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Whether the VRN went through this sign-up and is not approved yet. */
  async awaitingApproval(vrn: string): Promise<boolean> {
    return (await this.list({ vrn, status: 'pending' })).length > 0;
  }

  /** Whether some account already holds `HMRC-MTD-VAT` for the VRN. */
  async signedUp(vrn: string): Promise<boolean> {
    return (await this.ctx.accounts.list()).some((a) => holdsMtdVat(a, vrn));
  }

  /** The known facts HMRC checks the VRN against, if an account is registered with it. */
  async knownFacts(vrn: string): Promise<KnownFacts | undefined> {
    const owner = (await this.ctx.accounts.list()).find((a) => a.identifiers.vrn === vrn);
    if (!owner) return undefined;
    const address = owner.organisationDetails?.address ?? owner.individualDetails?.address;
    return { owner, vatRegistrationDate: owner.identifiers.vatRegistrationDate, postcode: address?.postcode };
  }

  /** Refuses a VRN already signed up, or with a sign-up still pending. */
  async requireNotSignedUp(vrn: string): Promise<void> {
    await this.settleDue();
    if (await this.signedUp(vrn)) throw new VatSignUpError('already_signed_up', `VAT registration number ${vrn} is already signed up for Making Tax Digital for VAT`);
    if (await this.awaitingApproval(vrn)) throw new VatSignUpError('sign_up_pending', `A sign-up for VAT registration number ${vrn} is already being processed`);
  }

  /** Records a sign-up (one per VRN at a time, even when requests race) and acknowledges it by email. */
  async submit(input: SubmitVatSignUp): Promise<VatSignUp> {
    const { ctx } = this;
    const delay = input.after === undefined ? VAT_APPROVAL_DELAY_MS : vatApprovalDelayMs(input.after);
    if ((await ctx.store.increment(SUBMITTING, input.vrn, 1, Number.MAX_SAFE_INTEGER)) !== 1) throw new VatSignUpError('sign_up_pending', `A sign-up for VAT registration number ${input.vrn} is already being processed`);
    try {
      await this.requireNotSignedUp(input.vrn);
      const now = ctx.clock.now();
      const counter = await ctx.store.increment('counters', 'vat-sign-ups', 1, Number.MAX_SAFE_INTEGER);
      const signUp: VatSignUp = {
        id: `VSU${String(counter).padStart(10, '0')}`,
        vrn: input.vrn,
        status: 'pending',
        userId: input.account.userId,
        businessType: input.businessType,
        businessName: input.businessName,
        companyNumber: input.businessType === 'limited-company' ? input.companyNumber : undefined,
        email: input.email,
        contactPreference: input.contactPreference,
        submittedAt: iso(now),
        approvalDueAt: iso(now + delay),
      };
      await ctx.store.set(SIGN_UPS, signUp.id, signUp);
      await ctx.store.set(PENDING, signUp.id, now + delay);
      await ctx.messages.send({
        channel: 'email',
        to: signUp.email,
        subject: 'We have received your request to sign up for Making Tax Digital for VAT',
        body: `We have received your request to sign up ${signUp.businessName} (VAT registration number ${signUp.vrn}) for Making Tax Digital for VAT. Reference: ${signUp.id}.\n\nWe will email you within 72 hours to confirm you are signed up. Until then, keep submitting your VAT Returns as you do now.\n\nHM Revenue and Customs`,
        links: [],
      });
      await this.settleDue();
      return (await this.find(signUp.id))!;
    } finally {
      await ctx.store.delete(SUBMITTING, input.vrn);
    }
  }

  /** Approves every sign-up whose approval is due on the virtual clock. */
  async settleDue(): Promise<void> {
    const now = this.ctx.clock.now();
    for (const [id, dueAt] of await this.ctx.store.entries<number>(PENDING)) {
      if (dueAt <= now) await this.approve(id);
    }
  }

  private async approve(id: string): Promise<void> {
    const { ctx } = this;
    // Exactly once, even when requests race: only the first increment sees 1.
    if ((await ctx.store.increment(APPROVED, id, 1, Number.MAX_SAFE_INTEGER)) !== 1) return;
    await ctx.store.delete(PENDING, id);
    const signUp = await this.find(id);
    if (!signUp) return;
    const account = await ctx.accounts.find(signUp.userId);
    if (account) await ctx.accounts.add(withMtdVat(account, signUp.vrn, (await this.knownFacts(signUp.vrn))?.vatRegistrationDate));
    const approved: VatSignUp = { ...signUp, status: 'approved', approvedAt: iso(ctx.clock.now()) };
    await ctx.store.set(SIGN_UPS, id, approved);
    await ctx.messages.send({
      channel: 'email',
      to: signUp.email,
      subject: 'You have signed up for Making Tax Digital for VAT',
      body: `You have signed up ${signUp.businessName} (VAT registration number ${signUp.vrn}) for Making Tax Digital for VAT. Reference: ${signUp.id}.\n\nYou must now use software that works with Making Tax Digital for VAT to keep records and submit your VAT Returns.\n\nHM Revenue and Customs`,
      links: [],
    });
  }
}

/** What approval does to the account, as Create Test User's `mtd-vat` service would have made it. */
function withMtdVat(account: Account, vrn: string, vatRegistrationDate: string | undefined): Account {
  return {
    ...account,
    identifiers: { ...account.identifiers, vrn, ...(vatRegistrationDate && !account.identifiers.vatRegistrationDate ? { vatRegistrationDate } : {}) },
    serviceNames: account.serviceNames.includes('mtd-vat') ? account.serviceNames : [...account.serviceNames, 'mtd-vat'],
    enrolments: [...account.enrolments.filter((e) => !(e.key === 'HMRC-MTD-VAT' && e.identifiers.some((i) => i.value === vrn))), { key: 'HMRC-MTD-VAT', identifiers: [{ key: 'VRN', value: vrn }] }],
  };
}

function holdsMtdVat(account: Account, vrn: string): boolean {
  return account.enrolments.some((e) => e.key === 'HMRC-MTD-VAT' && e.identifiers.some((i) => i.key === 'VRN' && i.value === vrn));
}

/** An ISO-8601 duration from PT0S up to P3D, in milliseconds. */
export function vatApprovalDelayMs(duration: string): number {
  const ms = parseDuration(duration);
  if (ms === undefined || ms > 3 * 24 * 3600 * 1000) throw new VatSignUpError('invalid_request', `after must be an ISO-8601 duration of at most 3 days, e.g. "PT0S", "PT4H" or "P3D" (got ${JSON.stringify(duration).slice(0, 60)})`);
  return ms;
}

const iso = (ms: number): string => new Date(ms).toISOString();
