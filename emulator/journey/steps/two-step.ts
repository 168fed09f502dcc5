import type { Account } from '../../accounts/account.js';
import { AccessCodes } from '../access-codes.js';
import { Attempts, lockOutKey } from '../../pages/attempts.js';
import type { JourneyKit, Step } from '../kit.js';

/**
 * 2-step verification (production journey). HMRC (Developer Hub, §11 of the reference): an account
 * without it registers a method — text message, voice call or authenticator app — and confirms a
 * code; an account with it enters its 6-digit access code. Emulator's choices: codes go to the
 * outbox, expire after `journeyLimits.accessCodeSeconds`; `journeyLimits.accessCodeAttempts` wrong
 * codes in a row lock the user out of 2-step verification for `journeyLimits.accessCodeLockoutSeconds`.
 */
interface Setup {
  method?: 'text' | 'voice' | 'app' | undefined;
  phoneNumber?: string | undefined;
  totpSecret?: string | undefined;
}

const SETUP_NS = 'two-step-setup';
const METHODS = ['text', 'voice', 'app'] as const;

/** Wrong access codes in a row, per user ID: the 2-step lock-out. */
function attemptsOf(kit: JourneyKit): Attempts {
  const limits = kit.ctx.config.journeyLimits;
  return new Attempts(kit.ctx.store, kit.ctx.clock, 'access-code-failures', limits.accessCodeAttempts, limits.accessCodeLockoutSeconds * 1000);
}
const setupOf = async (kit: JourneyKit, step: Step): Promise<Setup> => (await kit.ctx.store.get<Setup>(SETUP_NS, step.journey.id)) ?? {};
const saveSetup = (kit: JourneyKit, step: Step, setup: Setup): Promise<void> =>
  kit.ctx.store.set(SETUP_NS, step.journey.id, setup, { expiresAt: kit.ctx.clock.now() + 2 * 3600_000 });
const body = (step: Step): Record<string, unknown> => (step.req.body ?? {}) as Record<string, unknown>;
const back = (step: Step): void => void step.res.redirect(303, step.path);

/** Form `two-step/method`: text, voice or app, for an account registering 2-step verification. */
export async function chooseMethod(kit: JourneyKit, step: Step): Promise<void> {
  const method = body(step).method;
  if (!METHODS.includes(method as Setup['method'] & string)) {
    return showMethod(kit, step, 'Select how you want to get access codes', 400);
  }
  const setup: Setup = { method: method as Setup['method'] };
  if (method === 'app') setup.totpSecret = AccessCodes.newSecret();
  await saveSetup(kit, step, setup);
  await kit.log(step, 'two-step', `register:${String(method)}`);
  back(step);
}

/** Form `two-step/phone`: where text or voice codes go; sends the first code. */
export async function givePhoneNumber(kit: JourneyKit, step: Step): Promise<void> {
  const setup = await setupOf(kit, step);
  if (setup.method !== 'text' && setup.method !== 'voice') return back(step);
  const raw = typeof body(step).phoneNumber === 'string' ? (body(step).phoneNumber as string) : '';
  const phoneNumber = raw.replace(/[\s()-]/g, '');
  if (!/^\+?\d{10,14}$/.test(phoneNumber)) {
    return showPhone(kit, step, setup, raw.slice(0, 40), 'Enter a phone number, like 07700 900 982 or +44 7700 900 982', 400);
  }
  await saveSetup(kit, step, { ...setup, phoneNumber });
  await new AccessCodes(kit.ctx).send(step.journey.id, setup.method, phoneNumber);
  await kit.log(step, 'two-step', `code-sent:${setup.method}`);
  back(step);
}

/** Form `two-step/resend`: a new text or voice code. */
export async function resendCode(kit: JourneyKit, step: Step): Promise<void> {
  const target = await deliveryOf(kit, step, await setupOf(kit, step));
  if (target && target.method !== 'app') {
    await new AccessCodes(kit.ctx).send(step.journey.id, target.method, target.phoneNumber!);
    await kit.log(step, 'two-step', `code-resent:${target.method}`);
  }
  back(step);
}

/** Form `two-step/code`: the access code; right, it registers the method being set up and ends the step. */
export async function enterCode(kit: JourneyKit, step: Step): Promise<void> {
  const { ctx } = kit;
  const codes = new AccessCodes(ctx);
  const attempts = attemptsOf(kit);
  const setup = await setupOf(kit, step);
  const target = await deliveryOf(kit, step, setup);
  if (!target) return back(step);
  const lockOut = await lockOutKey(ctx.accounts, step.journey.userId!, step.journey.id);
  if (await attempts.lockedUntil(lockOut)) return kit.fail(step, 'fail-2sv');
  const presented = (typeof body(step).accessCode === 'string' ? (body(step).accessCode as string) : '').replace(/\s/g, '');
  if (!/^\d{6}$/.test(presented)) {
    return showCode(kit, step, target, setup, 'Enter the access code using 6 digits', 400);
  }
  const result = target.method === 'app' ? (codes.checkTotp(target.totpSecret!, presented) ? 'ok' : 'wrong') : await codes.checkSent(step.journey.id, presented);
  if (result === 'expired') {
    await codes.send(step.journey.id, target.method as 'text' | 'voice', target.phoneNumber!);
    await kit.log(step, 'two-step', 'code-expired:resent');
    return showCode(kit, step, target, setup, 'This access code has expired. We have sent you a new one.', 400);
  }
  if (result === 'wrong') {
    const locked = await attempts.fail(lockOut);
    await kit.log(step, 'two-step', locked ? 'wrong-code:locked' : 'wrong-code');
    if (locked) return kit.fail(step, 'fail-2sv');
    return showCode(kit, step, target, setup, 'The access code is incorrect. Check the code and try again.', 400);
  }
  await attempts.reset(lockOut);
  if (setup.method) {
    const account = await kit.account(step);
    if (account) await ctx.accounts.add({ ...account, twoStepVerification: { method: setup.method, phoneNumber: setup.phoneNumber, totpSecret: setup.totpSecret } });
    await kit.log(step, 'two-step', `registered:${setup.method}`);
  }
  await kit.states.update(step.journey.id, { twoStepVerified: true });
  await kit.log(step, 'two-step', 'verified');
  await kit.finish(step);
}

/** The 2-step page for where the user is: choose a method, give a phone number, or enter the code. */
export async function showTwoStep(kit: JourneyKit, step: Step): Promise<void> {
  const { ctx } = kit;
  if (step.journey.preset === 'fail-2sv') {
    await kit.log(step, 'two-step', 'preset:fail-2sv');
    return kit.fail(step, 'fail-2sv');
  }
  if (step.journey.userId && (await attemptsOf(kit).lockedUntil(await lockOutKey(ctx.accounts, step.journey.userId, step.journey.id)))) return kit.fail(step, 'fail-2sv');
  const setup = await setupOf(kit, step);
  const target = await deliveryOf(kit, step, setup);
  if (!target) {
    if (!setup.method) return showMethod(kit, step);
    return showPhone(kit, step, setup);
  }
  const codes = new AccessCodes(ctx);
  if (target.method !== 'app' && !(await codes.sent(step.journey.id))) {
    await codes.send(step.journey.id, target.method, target.phoneNumber!);
    await kit.log(step, 'two-step', `code-sent:${target.method}`);
  }
  showCode(kit, step, target, setup);
}

type Delivery = NonNullable<Account['twoStepVerification']>;

/** Where codes go: the account's 2-step method, or the one being registered once complete. */
async function deliveryOf(kit: JourneyKit, step: Step, setup: Setup): Promise<Delivery | undefined> {
  const account = await kit.account(step);
  const existing = account?.twoStepVerification;
  if (existing && (existing.method === 'app' ? existing.totpSecret : existing.phoneNumber)) return existing;
  if (setup.method === 'app' && setup.totpSecret) return { method: 'app', totpSecret: setup.totpSecret };
  if ((setup.method === 'text' || setup.method === 'voice') && setup.phoneNumber) return { method: setup.method, phoneNumber: setup.phoneNumber };
  return undefined;
}

function showMethod(kit: JourneyKit, step: Step, error?: string, status = 200): void {
  kit.render(step, 'two-step-method.njk', { title: 'How do you want to get access codes?', error, errors: error ? [{ text: error, href: '#method' }] : undefined }, status);
}

function showPhone(kit: JourneyKit, step: Step, setup: Setup, value = '', error?: string, status = 200): void {
  kit.render(step, 'two-step-phone.njk', {
    title: setup.method === 'voice' ? 'Enter the phone number to call' : 'Enter your mobile phone number',
    method: setup.method,
    value,
    error,
    errors: error ? [{ text: error, href: '#phoneNumber' }] : undefined,
  }, status);
}

function showCode(kit: JourneyKit, step: Step, target: Delivery, setup: Setup, error?: string, status = 200): void {
  const ending = (target.phoneNumber ?? '').slice(-3);
  kit.render(step, 'two-step-code.njk', {
    title: target.method === 'app' ? 'Enter the access code from your authenticator app' : 'Enter the access code',
    method: target.method,
    ending,
    registering: !!setup.method,
    totpSecret: setup.method === 'app' ? setup.totpSecret : undefined,
    totpUri: setup.method === 'app' && setup.totpSecret ? `otpauth://totp/HMRC:${encodeURIComponent(step.journey.userId ?? '')}?secret=${setup.totpSecret}&issuer=HMRC` : undefined,
    error,
    errors: error ? [{ text: error, href: '#accessCode' }] : undefined,
  }, status);
}
