import { describe, expect, it } from 'vitest';
import { fingerprint, Redactor, tokenCandidates } from './redact.js';

describe('the redactor that keeps secrets and tokens out of reports', () => {
  const token = 'Zx8Qm2kVt1Lr0Pn9Wd7Yb6Hc5Js4Gf3Ae2Ru1Io0Kl';
  const redactor = new Redactor();
  redactor.secret('s3cr3t-client-value');
  redactor.issuedToken(fingerprint(token));

  it('fingerprints as the journal does: sha256: and the first 12 hex digits of the SHA-256', () => {
    expect(fingerprint('abc')).toBe('sha256:ba7816bf8f01');
  });

  it('masks a known secret wherever it appears, even inside another value', () => {
    expect(redactor.text('state=abc.s3cr3t-client-value and more')).toBe('state=abc.*** and more');
  });

  it('shows an issued token as its fingerprint wherever it appears, so reuse stays visible', () => {
    expect(redactor.text(`the page says ${token}.`)).toBe(`the page says ${fingerprint(token)}.`);
  });

  it('fingerprints codes and tokens in URL parameters and fragments, and masks secret parameters', () => {
    const out = redactor.text('http://localhost/cb?code=abc123&state=x#access_token=unknown-token-value&client_secret=plain');
    expect(out).toBe(`http://localhost/cb?code=${fingerprint('abc123')}&state=x#access_token=${fingerprint('unknown-token-value')}&client_secret=***`);
  });

  it('leaves fingerprints and masks as they are', () => {
    expect(redactor.text('code=sha256:0123456789ab&client_secret=***')).toBe('code=sha256:0123456789ab&client_secret=***');
  });

  it('redacts every string of a nested value', () => {
    expect(redactor.deep({ a: ['s3cr3t-client-value'], b: { c: token, n: 1 } })).toEqual({ a: ['***'], b: { c: fingerprint(token), n: 1 } });
  });

  it('finds token-like strings in a percent-encoded text', () => {
    expect(tokenCandidates(`x=${encodeURIComponent(`"${token}"`)}`)).toContain(token);
  });
});
