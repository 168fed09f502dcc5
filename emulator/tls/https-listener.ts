import { createServer, type Server } from 'node:https';
import type { RequestListener } from 'node:http';
import { issueServerCertificate, type CertificateAuthority } from './certificate-authority.js';

const RENEW_MS = 24 * 3600_000;

export interface HttpsListener {
  /** Not listening by itself: `listen()` it, or hand it connections (the proxy does). */
  server: Server;
  close(): Promise<void>;
}

/**
 * A TLS server for the emulator on HMRC's host names, with a short-lived certificate from the local CA (valid seven
 * days, renewed daily while the process runs, so a long-lived team server never serves an expired one).
 */
export async function httpsListener(ca: CertificateAuthority, app: RequestListener): Promise<HttpsListener> {
  const first = await issueServerCertificate(ca);
  const server = createServer({ cert: first.certPem, key: first.keyPem, minVersion: 'TLSv1.2' }, app);
  server.keepAliveTimeout = 5_000;
  const renew = setInterval(() => {
    issueServerCertificate(ca).then(
      (next) => server.setSecureContext({ cert: next.certPem, key: next.keyPem, minVersion: 'TLSv1.2' }),
      (e: unknown) => console.error(JSON.stringify({ level: 'error', error: `could not renew the TLS certificate: ${String(e)}` })),
    );
  }, RENEW_MS).unref();
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(renew);
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
