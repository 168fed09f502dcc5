import type { Account } from '../accounts/account.js';
import type { EmulatorContext } from '../context.js';
import { signInChecker } from './check-sign-in.js';

/**
 * The one sign-in step of the pages outside the link journey (the agents' pages, both sign-up services, Manage your
 * authorised software): a Government Gateway user ID and password, under the link-software journey's rules
 * (`signInChecker`, ./check-sign-in.ts, which the link journey's own sign-in page uses too):
 * `journeyLimits.signInAttempts` wrong passwords in a row lock the user ID for `journeyLimits.signInLockoutSeconds`,
 * counted with the journey's failures (the same user ID, the same lock; a shared seeded account per page session
 * instead, see `lockOutKey`); an account locked by HMRC never signs in.
 */
export type PageSignIn =
  | { ok: true; account: Account }
  | { ok: false; problem: 'missing'; missing: Array<'userId' | 'password'> }
  | { ok: false; problem: 'invalid' | 'locked-out' | 'account-locked' };

export function pageSignIn(ctx: EmulatorContext): (body: Record<string, unknown>, sessionId: string) => Promise<PageSignIn> {
  const check = signInChecker(ctx);
  return async (body, sessionId) => {
    const userId = typeof body.userId === 'string' ? body.userId.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (!userId || !password) {
      const missing = [...(userId ? [] : ['userId' as const]), ...(password ? [] : ['password' as const])];
      return { ok: false, problem: 'missing', missing };
    }
    const result = await check(userId, password, sessionId);
    switch (result.outcome) {
      case 'signed-in':
        return result.account.locked ? { ok: false, problem: 'account-locked' } : { ok: true, account: result.account };
      case 'locked':
      case 'wrong-password:locked':
        return { ok: false, problem: 'locked-out' };
      case 'missing-credentials': // too long to be anyone's
      case 'wrong-password':
        return { ok: false, problem: 'invalid' };
    }
  };
}

/** "15 minutes" (or "30 seconds", for a lock-out that is not whole minutes): how long a lock-out lasts, as the pages say it. */
export function lockOutMinutes(ctx: EmulatorContext): string {
  const seconds = ctx.config.journeyLimits.signInLockoutSeconds;
  if (seconds % 60 !== 0) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = seconds / 60;
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** What a one-field sign-in page (the agents' pages) says when signing in failed, before any account-type rule. */
export function signInProblemText(ctx: EmulatorContext, result: Extract<PageSignIn, { ok: false }>): string {
  switch (result.problem) {
    case 'missing':
      return 'Enter your user ID and password';
    case 'locked-out':
      return `You have tried to sign in too many times. For your security, we have locked your account. You can try again in ${lockOutMinutes(ctx)}.`;
    case 'invalid':
    case 'account-locked': // an account locked by HMRC never signs in, and is not told apart
      return 'Invalid user ID or password. Try again.';
  }
}
