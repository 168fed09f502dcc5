import { createHash } from 'node:crypto';

/**
 * Keeps secrets and tokens out of every report (console, JUnit, JSON, HTML), as the emulator's journal does:
 * secrets as `***`, codes and tokens as `sha256:<first 12 hex>` fingerprints, so that reuse stays visible.
 *
 * - the values of secrets the kit knows (the client secret, the users' passwords), wherever they appear;
 * - any token-like string whose fingerprint is one HMRC issued in this run (access and refresh tokens), wherever
 *   it appears: in a finding, a URL, a page;
 * - in URLs, the values of `code`, `access_token`, `refresh_token` and `id_token` parameters (fingerprinted) and of
 *   `client_secret`, `password` and `code_verifier` (`***`).
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private readonly issued = new Set<string>();

  /** A secret's value: never shown. Short values (under 6 characters) would mask ordinary words, so are left. */
  secret(value: string | undefined): void {
    if (value && value.length >= 6) this.secrets.add(value);
  }

  /** A token HMRC issued, by its fingerprint (`sha256:…`, as the journal shows it). */
  issuedToken(fingerprinted: unknown): void {
    if (typeof fingerprinted === 'string' && fingerprinted.startsWith('sha256:')) this.issued.add(fingerprinted);
  }

  /** Whether a raw string is a token HMRC issued in this run. */
  isIssuedToken(raw: string): boolean {
    return this.issued.has(fingerprint(raw));
  }

  text(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('***');
    out = out.replace(URL_PARAM, (_m, lead: string, name: string, value: string) => {
      if (SECRET_PARAMS.has(name)) return `${lead}${name}=***`;
      return value.startsWith('sha256:') || value === '***' ? `${lead}${name}=${value}` : `${lead}${name}=${fingerprint(safeDecode(value))}`;
    });
    if (this.issued.size) out = out.replace(TOKEN_LIKE, (candidate) => (candidate.length >= MIN_TOKEN && this.isIssuedToken(candidate) ? fingerprint(candidate) : candidate));
    return out;
  }

  /** A copy of any JSON value with every string redacted. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.deep(v)) as T;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.deep(v)])) as T;
    return value;
  }
}

const SECRET_PARAMS = new Set(['client_secret', 'password', 'code_verifier']);
const URL_PARAM = /([?&#;])(code|access_token|refresh_token|id_token|client_secret|password|code_verifier)=([^&#\s"'<>]+)/g;

/**
 * Strings that could be a token (base64url, JWT-style dots inside but not at the end, 20 characters or more): what
 * `tokenCandidates` and the redactor fingerprint to compare with issued tokens.
 */
const TOKEN_LIKE = /[A-Za-z0-9_~-]+(?:\.[A-Za-z0-9_~-]+)*/g;
const MIN_TOKEN = 20;

/** Every token-like string in a text, raw and percent-decoded. */
export function tokenCandidates(text: string): string[] {
  return [...new Set([...(text.match(TOKEN_LIKE) ?? []), ...(safeDecode(text).match(TOKEN_LIKE) ?? [])])].filter((c) => c.length >= MIN_TOKEN);
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * A code or token as the emulator's journal shows it (its documented format, `sha256:` and the first 12 hex
 * digits of the value's SHA-256): how the kit recognises a token it saw in clear without keeping it.
 */
export function fingerprint(value: string): string {
  return `sha256:${createHash('sha256').update(value).digest('hex').slice(0, 12)}`;
}
