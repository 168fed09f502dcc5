import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, NO_ACCOUNT_HASH, verifyPassword } from './password.js';

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
    const salt = randomBytes(16);
    const key = scryptSync('password1', salt, 32, { N: 1024 });
    const earlier = `scrypt$1024$${salt.toString('base64')}$${key.toString('base64')}`;
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
});
