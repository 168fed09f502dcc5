import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorConfig } from '../config/defaults.js';
import { createCa, loadOrCreateCa, type CertificateAuthority } from './certificate-authority.js';
import { httpsListener } from './https-listener.js';
import { proxyServer } from './proxy.js';

export interface TlsListeners {
  /** The TLS listener's port, when `https.port` was asked for. */
  httpsPort?: number | undefined;
  /** The proxy's port, when `proxy.port` was asked for. */
  proxyPort?: number | undefined;
  /** The CA software must trust: its PEM, and its file when it is kept in the data directory. */
  ca: { certPem: string; certPath?: string | undefined };
  close(): Promise<void>;
}

/**
 * Starts what `https.port` and `proxy.port` ask for, both serving `app`: a TLS listener on HMRC's host names, and a
 * proxy whose tunnels end in the same TLS server. The CA comes from `dataDir` (made there once), or is made in memory
 * for this process when there is no data directory (programmatic `start()` in tests).
 */
export async function startTlsListeners(config: Pick<EmulatorConfig, 'https' | 'proxy' | 'dataDir'>, host: string, app: RequestListener): Promise<TlsListeners> {
  const ca: CertificateAuthority = config.dataDir ? (await loadOrCreateCa(config.dataDir)).ca : (await createCa()).ca;
  const tls = await httpsListener(ca, app);
  const proxy = config.proxy.port === undefined ? undefined : proxyServer(app, tls.server);
  const listen = async (server: Server, port: number): Promise<number> => {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  };
  const close = async (): Promise<void> => {
    await Promise.all([tls.close(), proxy?.close()]);
  };
  try {
    const httpsPort = config.https.port === undefined ? undefined : await listen(tls.server, config.https.port);
    const proxyPort = proxy && config.proxy.port !== undefined ? await listen(proxy.server, config.proxy.port) : undefined;
    return { httpsPort, proxyPort, ca: { certPem: ca.certPem, certPath: ca.certPath }, close };
  } catch (e) {
    await close();
    throw e;
  }
}
