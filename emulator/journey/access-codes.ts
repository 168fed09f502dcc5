import { randomInt } from 'node:crypto';
import { sameSecret } from '../pages/same-secret.js';
import { authenticator } from 'otplib';
import type { EmulatorContext } from '../context.js';

interface SentCode {
  code: string;
  expiresAt: number;
}

const NS = 'access-codes';

/**
 * 6-digit 2-step access codes. Text and voice codes are sent to the emulator's outbox
 * (`GET /_emulator/outbox`) and expire after `journeyLimits.accessCodeSeconds`; authenticator-app codes
 * are TOTP (RFC 6238, otplib `authenticator`: 30-second steps, one step either side) computed at the
 * emulator's virtual time.
 */
export class AccessCodes {
  constructor(private readonly ctx: EmulatorContext) {}

  /** Sends a new code by text or voice for this journey, replacing any earlier one. */
  async send(journeyId: string, channel: 'text' | 'voice', to: string): Promise<void> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = this.ctx.clock.now() + this.ctx.config.journeyLimits.accessCodeSeconds * 1000;
    await this.ctx.store.set<SentCode>(NS, journeyId, { code, expiresAt }, { expiresAt: expiresAt + 24 * 3600_000 });
    const minutes = Math.round(this.ctx.config.journeyLimits.accessCodeSeconds / 60);
    await this.ctx.messages.send({ channel, to, body: `Your HMRC access code is ${code}. It expires in ${minutes} minutes. Do not share this code with anyone.` });
  }

  /** Whether a sent code exists for this journey (expired or not). */
  async sent(journeyId: string): Promise<boolean> {
    return !!(await this.ctx.store.get<SentCode>(NS, journeyId));
  }

  /** Checks a text or voice code: `ok`, `wrong`, or `expired` (the right code, too late; or no live code). */
  async checkSent(journeyId: string, presented: string): Promise<'ok' | 'wrong' | 'expired'> {
    const sent = await this.ctx.store.get<SentCode>(NS, journeyId);
    if (!sent) return 'expired';
    if (!sameSecret(presented, sent.code)) return 'wrong';
    if (sent.expiresAt <= this.ctx.clock.now()) return 'expired';
    await this.ctx.store.delete(NS, journeyId);
    return 'ok';
  }

  /** Checks an authenticator-app code against the secret at virtual time. */
  checkTotp(secret: string, presented: string): boolean {
    try {
      return authenticator.clone({ epoch: this.ctx.clock.now(), window: 1 }).check(presented, secret);
    } catch {
      return false;
    }
  }

  /** The authenticator app's current code for a secret, at virtual time (control API, tests). */
  totpNow(secret: string): string {
    return authenticator.clone({ epoch: this.ctx.clock.now() }).generate(secret);
  }

  static newSecret(): string {
    return authenticator.generateSecret();
  }
}
