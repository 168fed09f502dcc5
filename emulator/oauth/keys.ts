import { generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto';
import type { Meta } from '../store/meta.js';

/** oidc-provider's keys: those that sign its cookies (a journey's), and the one that signs its ID tokens. */
export interface ProviderKeys {
  cookieKeys: string[];
  signingKey: JsonWebKey;
}

/**
 * The emulator's keys, made on its first start and kept in its meta: with a durable store, a restart keeps them,
 * so a journey in flight (its signed cookies) carries on and what was signed still verifies.
 */
export function providerKeys(meta: Meta): ProviderKeys {
  let keys = meta.get<ProviderKeys>('provider-keys');
  if (!keys) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    keys = { cookieKeys: [randomBytes(32).toString('base64url')], signingKey: privateKey.export({ format: 'jwk' }) };
    meta.set('provider-keys', keys);
  }
  return keys;
}
