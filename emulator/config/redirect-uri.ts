/**
 * HMRC's rules for a registered redirect URI (api-platform-application-domain `RedirectUri.isValidRedirectUri`,
 * Developer Hub reference guide): not blank, absolute, no fragment, and `http` only for `localhost`.
 * Custom schemes (`com.example.app:/callback`) pass, as in HMRC's code; `javascript:`, `data:` and
 * `vbscript:` are refused (the emulator's own choice: they are never safe redirect targets).
 * The out-of-band URIs `urn:ietf:wg:oauth:2.0:oob` and `…:oob:auto` are allowed.
 * Returns why the URI is invalid, or undefined when it is valid.
 */
export function validateRedirectUri(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || uri.trim() === '') return 'must not be blank';
  if (OUT_OF_BAND.has(uri)) return undefined;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `${uri} is not an absolute URI`;
  }
  if (uri.includes('#')) return `${uri} must not contain a fragment`;
  if (url.protocol === 'http:' && url.hostname !== 'localhost') return `${uri} uses http, which is only allowed for localhost`;
  if (UNSAFE_SCHEMES.has(url.protocol)) return `${uri} uses a scheme that is never a redirect target`;
  return undefined;
}

export const OUT_OF_BAND = new Set(['urn:ietf:wg:oauth:2.0:oob', 'urn:ietf:wg:oauth:2.0:oob:auto']);

const UNSAFE_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:']);
