import type { IncomingMessage } from 'node:http';

/**
 * oidc-provider builds its URLs from the request's host (`X-Forwarded-Host` first: the emulator trusts proxies, as it
 * runs behind Docker and reverse proxies). A host no URL can carry (`580777994417`, an IPv4 number out of range)
 * would make it throw and answer 500; such a header is dropped, and the request served as if it had not come.
 */
export function dropUnusableHost(req: IncomingMessage): void {
  const forwarded = req.headers['x-forwarded-host'];
  if (forwarded !== undefined && !usable(String(forwarded).split(',')[0]!.trim())) delete req.headers['x-forwarded-host'];
}

function usable(host: string): boolean {
  try {
    return new URL(`http://${host}`).host !== '';
  } catch {
    return false;
  }
}
