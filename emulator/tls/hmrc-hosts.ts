/**
 * HMRC's own host names: the sandbox's and production's API hosts and `www` hosts. Software that hard-codes them
 * reaches the emulator under these names (docs/https.md), and the local certificate authority can sign for them
 * and nothing else.
 */
export const HMRC_HOSTS = ['test-api.service.hmrc.gov.uk', 'api.service.hmrc.gov.uk', 'test-www.tax.service.gov.uk', 'www.tax.service.gov.uk'] as const;

export function isHmrcHost(host: string): boolean {
  return (HMRC_HOSTS as readonly string[]).includes(host.toLowerCase().replace(/\.$/, ''));
}
