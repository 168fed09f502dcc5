import { describe, expect, it } from 'vitest';
import { createEmulator } from '../app.js';
import { createClock } from '../clock/clock.js';
import { signInChecker } from './check-sign-in.js';

async function checker() {
  const e = await createEmulator({ journeyLimits: { signInAttempts: 2, signInLockoutSeconds: 60 } }, { clock: createClock({ frozen: true, start: Date.parse('2026-01-15T09:00:00Z') }) });
  return { ctx: e.context, check: signInChecker(e.context) };
}

describe('signInChecker', () => {
  it('signs in with the right password and refuses empty, over-long and wrong ones', async () => {
    const { check } = await checker();
    expect(await check('user1', 'password1', 'j1')).toMatchObject({ outcome: 'signed-in', account: { userId: 'user1' } });
    expect(await check(' user1 ', 'password1', 'j1')).toMatchObject({ outcome: 'signed-in' });
    expect(await check('', 'password1', 'j1')).toEqual({ outcome: 'missing-credentials' });
    expect(await check('user1', 'x'.repeat(201), 'j1')).toEqual({ outcome: 'missing-credentials' });
    expect(await check({ userId: 'user1' }, 'password1', 'j1')).toEqual({ outcome: 'missing-credentials' });
    expect(await check('user1', 'wrong', 'j1')).toEqual({ outcome: 'wrong-password' });
  });

  it('locks a shared account out only where the wrong passwords were typed, until the clock passes the lock-out', async () => {
    const { ctx, check } = await checker();
    expect(await check('user1', 'wrong', 'j1')).toEqual({ outcome: 'wrong-password' });
    expect(await check('user1', 'wrong', 'j1')).toEqual({ outcome: 'wrong-password:locked' });
    expect(await check('user1', 'password1', 'j1')).toEqual({ outcome: 'locked' });
    expect(await check('user1', 'password1', 'j2')).toMatchObject({ outcome: 'signed-in' });
    ctx.clock.advance(60_000);
    expect(await check('user1', 'password1', 'j1')).toMatchObject({ outcome: 'signed-in' });
  });

  it('locks an account made for a run out everywhere, whichever journey or page the wrong passwords came from', async () => {
    const { ctx, check } = await checker();
    const user1 = (await ctx.accounts.find('user1'))!;
    await ctx.accounts.add({ ...user1, userId: '900000000201', persona: undefined });
    await check('900000000201', 'wrong', 'j1');
    expect(await check('900000000201', 'wrong', 'j2')).toEqual({ outcome: 'wrong-password:locked' });
    expect(await check('900000000201', 'password1', 'j3')).toEqual({ outcome: 'locked' });
  });
});
