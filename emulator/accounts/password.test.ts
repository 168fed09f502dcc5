import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClock } from '../clock/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { Account } from './account.js';
import { Accounts } from './accounts.js';
import { hashIsOutdated, hashPassword, NO_ACCOUNT_HASH, storedHashParts, verifyPassword } from './password.js';

function hashAt(password: string, N: number): string {
  const salt = randomBytes(16);
  return `scrypt$${N}$${salt.toString('base64')}$${scryptSync(password, salt, 32, { N }).toString('base64')}`;
}

describe('test-user passwords', () => {
  it('verifies the password a hash was made from, and no other', async () => {
    const stored = await hashPassword('password1');
    expect(stored).not.toContain('password1');
    expect(await verifyPassword('password1', stored)).toBe(true);
    expect(await verifyPassword('password2', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('password1')).not.toBe(await hashPassword('password1'));
  });

  it('still verifies a hash made at another cost (a data directory from an earlier version: N=1024)', async () => {
    const earlier = hashAt('password1', 1024);
    expect(await verifyPassword('password1', earlier)).toBe(true);
    expect(await verifyPassword('password2', earlier)).toBe(false);
  });

  it('matches nothing with the unknown-account hash, at the cost of a real one', async () => {
    expect(await verifyPassword('', NO_ACCOUNT_HASH)).toBe(false);
    expect(await verifyPassword('password1', NO_ACCOUNT_HASH)).toBe(false);
    expect(NO_ACCOUNT_HASH.split('$')[1]).toBe((await hashPassword('x')).split('$')[1]);
  });

  it('refuses a stored value that is not a hash', async () => {
    for (const stored of ['', 'password1', 'scrypt$$$', 'bcrypt$10$a$b', 'scrypt$1024$AAAA', 'scrypt$abc$AAAA$AAAA', 'scrypt$1000$AAAA$AAAA', 'scrypt$1073741824$AAAA$AAAA', 'scrypt$131072$AAAA$AAAA', 'scrypt$16384$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'scrypt$256$AAAA$!!!!']) expect(await verifyPassword('password1', stored)).toBe(false);
  });

  it('reads only what it could have made: N a power of two up to 2^14, a key of 1 to 64 bytes, a string', () => {
    expect(storedHashParts(hashAt('x', 1024))?.cost).toBe(1024);
    expect(storedHashParts(hashAt('x', 16384))?.cost).toBe(16384);
    expect(storedHashParts('scrypt$32768$AAAA$AAAA')).toBeUndefined();
    expect(storedHashParts('scrypt$1000$AAAA$AAAA')).toBeUndefined();
    expect(storedHashParts(`scrypt$256$AAAA$${'A'.repeat(88)}`)).toBeUndefined(); // 66 bytes
    expect(storedHashParts(`scrypt$256$AAAA$${'A'.repeat(84)}`)?.key.length).toBe(63);
    for (const value of [undefined, null, 123, {}, ['scrypt', '256']]) expect(storedHashParts(value)).toBeUndefined();
  });

  it('never fails on a stored value that is not a string', async () => {
    for (const value of [123, {}, null, ['scrypt$256$AAAA$AAAA']]) expect(await verifyPassword('password1', value)).toBe(false);
  });

  it('makes an account’s hash again at today’s cost at its first right sign-in, and only then', async () => {
    const clock = createClock({ frozen: true });
    const accounts = new Accounts(createMemoryStore(clock));
    const old = hashAt('password1', 1024);
    await accounts.add({ userId: '123456789012', passwordHash: old, enrolments: [] } as unknown as Account);
    expect(hashIsOutdated(old)).toBe(true);
    expect(await accounts.signIn('123456789012', 'wrong')).toBeUndefined();
    expect((await accounts.find('123456789012'))?.passwordHash).toBe(old);
    expect((await accounts.signIn('123456789012', 'password1'))?.userId).toBe('123456789012');
    const renewed = (await accounts.find('123456789012'))!.passwordHash;
    expect(renewed).not.toBe(old);
    expect(hashIsOutdated(renewed)).toBe(false);
    expect((await accounts.signIn('123456789012', 'password1'))?.userId).toBe('123456789012');
    expect(await accounts.signIn('123456789012', 'wrong')).toBeUndefined();
    expect((await accounts.find('123456789012'))?.passwordHash).toBe(renewed);
  });
});
