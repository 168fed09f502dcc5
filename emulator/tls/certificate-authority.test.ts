import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createCa, issueServerCertificate, loadOrCreateCa, SERVER_NAMES } from './certificate-authority.js';

const exec = promisify(execFile);

/** OpenSSL's verdict on `leafPem` against the CA alone: '' when it verifies, else its error line. */
async function opensslVerify(caPem: string, leafPem: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ca-test-'));
  writeFileSync(join(dir, 'ca.pem'), caPem);
  writeFileSync(join(dir, 'leaf.pem'), leafPem);
  try {
    await exec('openssl', ['verify', '-CAfile', join(dir, 'ca.pem'), join(dir, 'leaf.pem')]);
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? '') + String((e as { stderr?: string }).stderr ?? '');
  }
}

describe('the local certificate authority', () => {
  it('is made once in the data directory, its key readable by its owner only, and read back afterwards', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ca-data-'));
    const first = await loadOrCreateCa(dataDir);
    expect(first.created).toBe(true);
    expect(first.ca.certPath).toBe(join(dataDir, 'ca', 'hmrc-sandbox-ca.pem'));
    expect(statSync(join(dataDir, 'ca', 'hmrc-sandbox-ca-key.pem')).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateCa(dataDir);
    expect(again.created).toBe(false);
    expect(again.ca.certPem).toBe(first.ca.certPem);
    // The key read back still signs certificates that verify against the same CA.
    expect(await opensslVerify(first.ca.certPem, (await issueServerCertificate(again.ca)).certPem)).toBe('');
  });

  it("signs short-lived server certificates for HMRC's hosts and loopback, which OpenSSL accepts", async () => {
    const { ca } = await createCa();
    const leaf = await issueServerCertificate(ca);
    expect(await opensslVerify(ca.certPem, leaf.certPem)).toBe('');
    const cert = new X509Certificate(leaf.certPem);
    expect(cert.subjectAltName).toBe('DNS:test-api.service.hmrc.gov.uk, DNS:api.service.hmrc.gov.uk, DNS:test-www.tax.service.gov.uk, DNS:www.tax.service.gov.uk, DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(SERVER_NAMES.every((name) => cert.checkHost(name) !== undefined || cert.checkIP(name) !== undefined)).toBe(true);
    expect(Date.parse(cert.validTo) - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
  });

  it('cannot lend its trust to any other site: a certificate for another name fails OpenSSL verification', async () => {
    const { ca } = await createCa();
    for (const names of [['example.com'], ['www.google.com'], ['evil.service.hmrc.gov.uk.example'], ['10.0.0.1']]) {
      const leaf = await issueServerCertificate(ca, names);
      expect(await opensslVerify(ca.certPem, leaf.certPem), names[0]).toMatch(/permitted subtree violation|name constraints/i);
    }
  });

  it('carries critical name constraints and may sign no sub-CA', async () => {
    const { ca } = await createCa();
    const dir = mkdtempSync(join(tmpdir(), 'ca-text-'));
    writeFileSync(join(dir, 'ca.pem'), ca.certPem);
    const text = (await exec('openssl', ['x509', '-noout', '-text', '-in', join(dir, 'ca.pem')])).stdout;
    expect(text).toMatch(/X509v3 Name Constraints: critical\s+Permitted:\s+DNS:test-api\.service\.hmrc\.gov\.uk/);
    expect(text).toMatch(/IP:127\.0\.0\.0\/255\.0\.0\.0/);
    expect(text).toMatch(/CA:TRUE, pathlen:0/);
  });
});
