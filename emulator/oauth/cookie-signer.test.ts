import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CookieSigner } from './cookie-signer.js';

// What koa's `cookies` (Keygrip) writes: HMAC-SHA1 of `name=value`, base64 with `/+` as `_-` and no `=`.
const keygripSignature = (data: string, key: string): string =>
  createHmac('sha1', key).update(data).digest('base64').replace(/\/|\+|=/g, (c) => ({ '/': '_', '+': '-', '=': '' })[c]!);

describe('CookieSigner', () => {
  const data = '_session=bxz0PvzHcp5Uo0E1_vqUCfuJWN_sw53bIZLVqJVqjOE';

  it("signs as Keygrip does, so cookies signed before (a restart, an earlier version) still verify", () => {
    for (const key of ['k1', 'a-longer-key-of-32-random-bytes-base64url', '🔑']) {
      for (const text of [data, '', 'x=/+=?&']) expect(new CookieSigner([key]).sign(text)).toBe(keygripSignature(text, key));
    }
  });

  it('checks a signature against every key, in order, and refuses a changed one', () => {
    const signer = new CookieSigner(['new', 'old']);
    expect(signer.index(data, keygripSignature(data, 'new'))).toBe(0);
    expect(signer.index(data, keygripSignature(data, 'old'))).toBe(1);
    expect(signer.verify(data, keygripSignature(data, 'old'))).toBe(true);
    const good = keygripSignature(data, 'new');
    for (const bad of [`${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`, good.slice(1), `${good}A`, '', keygripSignature(`${data}x`, 'new')]) {
      expect(signer.index(data, bad)).toBe(-1);
      expect(signer.verify(data, bad)).toBe(false);
    }
    expect(() => new CookieSigner([])).toThrow();
  });
});
