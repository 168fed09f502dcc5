import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VendorConfigError, type VendorConfig } from '../contract/vendor-config.js';

/** The URL software with hard-coded hosts talks to (and is told, in HMRC_BASE_URL, for good measure). */
export const HMRC_SANDBOX_API = 'https://test-api.service.hmrc.gov.uk';

/**
 * For software that hard-codes HMRC's hosts (`hmrcHosts: hard-coded`): the variables that make it reach the
 * emulator unmodified, through the emulator's proxy with the local CA trusted, in every common runtime's terms.
 * The CA is written to the run's working directory. Loopback stays direct (`NO_PROXY`), so the software's own
 * callback and health check are unaffected.
 */
export function hardCodedHostsEnv(proxy: { port: number; caPem: string }, workdir: string): NodeJS.ProcessEnv {
  const ca = join(workdir, 'hmrc-sandbox-ca.pem');
  writeFileSync(ca, proxy.caPem);
  const url = `http://127.0.0.1:${proxy.port}`;
  const noProxy = 'localhost,127.0.0.1,::1';
  return {
    HMRC_BASE_URL: HMRC_SANDBOX_API,
    HTTPS_PROXY: url,
    https_proxy: url,
    HTTP_PROXY: url,
    http_proxy: url,
    NO_PROXY: noProxy,
    no_proxy: noProxy,
    NODE_EXTRA_CA_CERTS: ca,
    REQUESTS_CA_BUNDLE: ca,
    SSL_CERT_FILE: ca,
    CURL_CA_BUNDLE: ca,
  };
}

/** Whether the kit must run the emulator's proxy for this software; refused up front when it cannot. */
export function needsProxy(config: VendorConfig, emulatorUrl: string | undefined): boolean {
  if (config.hmrcHosts !== 'hard-coded') return false;
  if (emulatorUrl) {
    throw new VendorConfigError([
      'hmrcHosts: hard-coded needs the kit to start its own emulator (leave out --emulator-url); against a running one, set HTTPS_PROXY and the CA trust in launch.env yourself (docs/https.md)',
    ]);
  }
  return true;
}
