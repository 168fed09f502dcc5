import type { Account } from '../accounts/account.js';
import type { EmulatorContext } from '../context.js';
import { Attempts, lockOutKey } from './attempts.js';

/**
 * What a Government Gateway sign-in came to:
 * - `signed-in`: right user ID and password (the account may still be `locked` by HMRC: the caller decides);
 * - `missing-credentials`: a field empty or too long;
 * - `locked`: the user ID is locked out by earlier wrong passwords, and this attempt was not tried;
 * - `wrong-password`: wrong user ID or password; `wrong-password:locked`: and that failure locked the user ID out.
 */
export type SignInResult =
  | { outcome: 'signed-in'; account: Account }
  | { outcome: 'missing-credentials' | 'locked' | 'wrong-password' | 'wrong-password:locked' };

/**
 * HMRC's sign-in rule, shared by every page that signs a user in with a user ID and password (the link-software
 * journey, Manage your authorised software): `journeyLimits.signInAttempts` wrong passwords in a row lock the user
 * ID out for `journeyLimits.signInLockoutSeconds` (virtual time), and a right password resets the count.
 * `scope` is where a shared, seeded account's failures count (a journey, a page session; see `lockOutKey`).
 *
 * @example
 * const signIn = signInChecker(ctx);
 * const result = await signIn(body.userId, body.password, journey.id);
 * if (result.outcome === 'signed-in') …
 */
export function signInChecker(ctx: EmulatorContext): (userId: unknown, password: unknown, scope: string) => Promise<SignInResult> {
  const limits = ctx.config.journeyLimits;
  const attempts = new Attempts(ctx.store, ctx.clock, 'sign-in-failures', limits.signInAttempts, limits.signInLockoutSeconds * 1000);
  return async (rawUserId, rawPassword, scope) => {
    const userId = typeof rawUserId === 'string' ? rawUserId.trim() : '';
    const password = typeof rawPassword === 'string' ? rawPassword : '';
    if (!userId || !password || userId.length > 100 || password.length > 200) return { outcome: 'missing-credentials' };
    const lockOut = await lockOutKey(ctx.accounts, userId, scope);
    if (await attempts.lockedUntil(lockOut)) return { outcome: 'locked' };
    const account = await ctx.accounts.signIn(userId, password);
    if (!account) return { outcome: (await attempts.fail(lockOut)) ? 'wrong-password:locked' : 'wrong-password' };
    await attempts.reset(lockOut);
    return { outcome: 'signed-in', account };
  };
}
