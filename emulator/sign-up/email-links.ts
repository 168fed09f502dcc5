import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock/clock.js';
import type { Messages } from '../messages/messages.js';
import type { Store } from '../store/store.js';
import { SIGN_UP_PATH } from './paths.js';

/**
 * Email verification links for the sign-up journeys. HMRC: "a verification email whose link expires
 * after 3 days"; the link works once. An agent verifies their own email address once (it is then
 * remembered for every later sign-up); individuals and businesses verify their business email address
 * in the journey; a client signed up by an agent verifies theirs from the email sent at submission.
 */
export const EMAIL_LINK_VALIDITY_MS = 3 * 24 * 3600 * 1000;
/** Used and expired links are kept a while longer so that they can say "expired" or "already used". */
const KEEP_AFTER_EXPIRY_MS = 30 * 24 * 3600 * 1000;

export type EmailLinkPurpose = 'agent-email' | 'own-email' | 'client-email';

export interface EmailLink {
  token: string;
  purpose: EmailLinkPurpose;
  email: string;
  /** Who asked for it: the agent, individual or business user ID. */
  userId: string;
  /** The sign-up a client's email belongs to (`client-email` only). */
  signUpId?: string | undefined;
  /** Virtual time, ms since the epoch. */
  sentAt: number;
  expiresAt: number;
  usedAt?: number | undefined;
}

export interface VerifiedEmail {
  email: string;
  /** Virtual time, ISO-8601. */
  verifiedAt: string;
}

export type LinkResult = { result: 'verified'; link: EmailLink } | { result: 'expired' | 'used'; link: EmailLink } | { result: 'unknown' };

const LINKS = 'sign-up-email-links';
const VERIFIED = 'sign-up-verified-emails';
const USED = 'sign-up-email-links-used';

export class EmailLinks {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly messages: Messages,
    private readonly baseUrl: string,
  ) {}

  /** Emails a verification link to `email` and returns it. */
  async send(purpose: EmailLinkPurpose, email: string, userId: string, signUpId?: string): Promise<EmailLink> {
    const now = this.clock.now();
    const link: EmailLink = { token: randomBytes(24).toString('base64url'), purpose, email, userId, signUpId, sentAt: now, expiresAt: now + EMAIL_LINK_VALIDITY_MS };
    await this.store.set(LINKS, link.token, link, { expiresAt: link.expiresAt + KEEP_AFTER_EXPIRY_MS });
    const url = `${this.baseUrl}${SIGN_UP_PATH}/verify-email/${link.token}`;
    const who = purpose === 'client-email' ? 'Your agent has signed you up for Making Tax Digital for Income Tax and gave this as your business email address.' : 'You asked to use this email address for Making Tax Digital for Income Tax.';
    await this.messages.send({
      channel: 'email',
      to: email,
      subject: 'Confirm your email address',
      body: `${who}\n\nConfirm your email address by following this link:\n${url}\n\nThe link expires in 3 days and works once. If you did not ask for this, ignore this email.\n\nHM Revenue and Customs`,
      links: [url],
    });
    return link;
  }

  /**
   * Follows a link: the first use within 3 days verifies the address; later uses are `used`, late
   * ones `expired`, unknown tokens `unknown`. Side effects of a verification are the caller's.
   */
  async consume(token: string): Promise<LinkResult> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(token)) return { result: 'unknown' };
    const link = await this.store.get<EmailLink>(LINKS, token);
    if (!link) return { result: 'unknown' };
    if (link.usedAt !== undefined) return { result: 'used', link };
    const now = this.clock.now();
    if (now >= link.expiresAt) return { result: 'expired', link };
    // Single use even when two requests race: only the first increment sees 1.
    if ((await this.store.increment(USED, token, 1, link.expiresAt + KEEP_AFTER_EXPIRY_MS)) !== 1) return { result: 'used', link };
    const used = { ...link, usedAt: now };
    await this.store.set(LINKS, token, used, { expiresAt: link.expiresAt + KEEP_AFTER_EXPIRY_MS });
    if (link.purpose !== 'client-email') await this.store.set<VerifiedEmail>(VERIFIED, link.userId, { email: link.email, verifiedAt: new Date(now).toISOString() });
    return { result: 'verified', link: used };
  }

  /** The address a user has verified (an agent's own, or an individual's or business's), if any. */
  async verified(userId: string): Promise<VerifiedEmail | undefined> {
    return this.store.get<VerifiedEmail>(VERIFIED, userId);
  }

  /** Marks an address verified without a link (control API shortcuts). */
  async markVerified(userId: string, email: string): Promise<void> {
    await this.store.set<VerifiedEmail>(VERIFIED, userId, { email, verifiedAt: new Date(this.clock.now()).toISOString() });
  }
}
