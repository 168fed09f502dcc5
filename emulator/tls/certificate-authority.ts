import 'reflect-metadata';
import { randomBytes, webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AsnConvert } from '@peculiar/asn1-schema';
import { GeneralName, GeneralSubtree, GeneralSubtrees, id_ce_nameConstraints, NameConstraints } from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';
import { HMRC_HOSTS } from './hmrc-hosts.js';

x509.cryptoProvider.set(webcrypto as never);

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 86_400_000;
/** Names the CA may sign for (name constraints): HMRC's hosts and loopback, nothing else. */
export const PERMITTED_DNS = [...HMRC_HOSTS, 'localhost'];
export const PERMITTED_IP = ['127.0.0.0/8', '::1/128'];
/** What the leaf certificates cover. */
export const SERVER_NAMES = [...HMRC_HOSTS, 'localhost', '127.0.0.1', '::1'];

export interface CertificateAuthority {
  /** The CA certificate, PEM: what software must trust. */
  certPem: string;
  /** Where the certificate is kept, when it is kept in a data directory. */
  certPath?: string | undefined;
  cert: x509.X509Certificate;
  privateKey: CryptoKey;
}

export interface ServerCertificate {
  certPem: string;
  keyPem: string;
  notAfter: Date;
}

/**
 * The local certificate authority, kept in `<dataDir>/ca/` (`hmrc-sandbox-ca.pem`, and its key
 * `hmrc-sandbox-ca-key.pem`, mode 0600): made once, then read back on every start, so software trusts it once.
 * Real time, not the emulator's virtual clock: TLS clients check certificates against their own clock.
 */
export async function loadOrCreateCa(dataDir: string): Promise<{ ca: CertificateAuthority; created: boolean }> {
  const dir = join(dataDir, 'ca');
  const certPath = join(dir, 'hmrc-sandbox-ca.pem');
  const keyPath = join(dir, 'hmrc-sandbox-ca-key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    const certPem = readFileSync(certPath, 'utf8');
    const privateKey = await webcrypto.subtle.importKey('pkcs8', pemBody(readFileSync(keyPath, 'utf8')), ALGORITHM, false, ['sign']);
    return { ca: { certPem, certPath, cert: new x509.X509Certificate(certPem), privateKey }, created: false };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { ca, keyPem } = await createCa();
  writeFileSync(keyPath, keyPem, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(certPath, ca.certPem);
  return { ca: { ...ca, certPath }, created: true };
}

/**
 * A new CA: ECDSA P-256, valid ten years, allowed to sign server certificates (path length 0) for HMRC's hosts and
 * loopback only. Its name constraints are critical, so that trusting it lends no power over any other site.
 */
export async function createCa(now = new Date()): Promise<{ ca: CertificateAuthority; keyPem: string }> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const constraints = new NameConstraints({
    permittedSubtrees: new GeneralSubtrees([
      ...PERMITTED_DNS.map((dNSName) => new GeneralSubtree({ base: new GeneralName({ dNSName }) })),
      ...PERMITTED_IP.map((iPAddress) => new GeneralSubtree({ base: new GeneralName({ iPAddress }) })),
    ]),
  });
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=HMRC local sandbox CA (HMRC hosts and loopback only) ${randomBytes(4).toString('hex')}, O=hmrc-local-sandbox`,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 3650 * DAY),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      new x509.Extension(id_ce_nameConstraints, true, AsnConvert.serialize(constraints)),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const keyPem = toPem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { ca: { certPem: cert.toString('pem'), cert, privateKey: keys.privateKey }, keyPem };
}

/**
 * A server certificate signed by the CA for `names` (host names or IP addresses), short-lived: issued afresh at
 * every start and renewed while the emulator runs. Names outside the CA's constraints are signed too, but no
 * client accepts them (that is what the constraints are for, and a test proves it).
 */
export async function issueServerCertificate(ca: CertificateAuthority, names: readonly string[] = SERVER_NAMES, days = 7, now = new Date()): Promise<ServerCertificate> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notAfter = new Date(now.getTime() + days * DAY);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${names[0]}`,
    issuer: ca.cert.subject,
    notBefore: new Date(now.getTime() - 3600_000),
    notAfter,
    signingKey: ca.privateKey,
    publicKey: keys.publicKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names.map((n) => (/^[\d.]+$|:/.test(n) ? { type: 'ip' as const, value: n } : { type: 'dns' as const, value: n }))),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const keyPem = toPem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { certPem: `${cert.toString('pem')}\n${ca.certPem}`, keyPem, notAfter };
}

function serial(): string {
  const bytes = randomBytes(16);
  bytes[0]! &= 0x7f; // positive
  return bytes.toString('hex');
}

function toPem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}
