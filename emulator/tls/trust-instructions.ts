/** How to make each kind of software trust the local CA at `certPath`: what `hmrc-sandbox ca` prints. */
export function trustInstructions(certPath: string): string[] {
  return [
    `  Node.js          NODE_EXTRA_CA_CERTS=${certPath}`,
    `  Python requests  REQUESTS_CA_BUNDLE=${certPath}`,
    `  curl, OpenSSL    SSL_CERT_FILE=${certPath}   (curl also: CURL_CA_BUNDLE=${certPath}, or --cacert)`,
    `  Java             keytool -importcert -noprompt -alias hmrc-local-sandbox -file ${certPath} -cacerts -storepass changeit`,
    `  Debian, Ubuntu   cp ${certPath} /usr/local/share/ca-certificates/hmrc-local-sandbox.crt && update-ca-certificates`,
    '',
    "  The CA can sign only for HMRC's hosts (test-api.service.hmrc.gov.uk, api.service.hmrc.gov.uk,",
    '  test-www.tax.service.gov.uk, www.tax.service.gov.uk), localhost, 127.0.0.0/8 and ::1: its X.509 name',
    '  constraints make clients refuse anything else it might sign. Its key stays in the same folder (mode 0600).',
  ];
}
