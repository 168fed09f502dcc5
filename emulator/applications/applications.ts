import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { ApplicationConfig } from '../config/defaults.js';
import type { Store } from '../store/store.js';
import { validateRedirectUri } from '../config/redirect-uri.js';

/** A registered developer application, as the emulator keeps it. */
export interface Application extends ApplicationConfig {
  /** The secret oidc-provider knows this client by; vendors never see it (see `authenticate`). */
  internalSecret: string;
}

const NS = 'applications';
const CLIENTS_NS = 'oidc:Client';

/**
 * Developer applications: registration (HMRC's limits: 5 redirect URIs, 5 client secrets),
 * client authentication and API subscriptions. Each application is also an oidc-provider client.
 */
export class Applications {
  /** Digests of the registered secrets, computed once: a token request then hashes only the secret it was given. */
  private readonly secretDigests = new Map<string, Buffer>();

  constructor(private readonly store: Store) {}

  async register(app: ApplicationConfig): Promise<Application> {
    const problems = applicationProblems(app);
    if (problems.length) throw new ApplicationError(problems);
    const stored: Application = { ...app, internalSecret: randomBytes(24).toString('base64url') };
    await this.store.set(NS, app.clientId, stored);
    // Stored as oidc-provider reads it through the adapter (emulator/oauth/adapter.ts): its client metadata.
    await this.store.set(CLIENTS_NS, app.clientId, {
      client_id: app.clientId,
      client_secret: stored.internalSecret,
      client_name: app.name,
      application_type: 'native',
      redirect_uris: app.redirectUris,
      // oidc-provider needs a redirect URI for the code grant; an application without one can only use client_credentials.
      grant_types: app.redirectUris.length ? ['authorization_code', 'refresh_token', 'client_credentials'] : ['client_credentials'],
      response_types: app.redirectUris.length ? ['code'] : [],
      token_endpoint_auth_method: 'client_secret_post',
    });
    return stored;
  }

  async find(clientId: string): Promise<Application | undefined> {
    return this.store.get<Application>(NS, clientId);
  }

  async list(): Promise<Application[]> {
    return (await this.store.entries<Application>(NS)).map(([, app]) => app);
  }

  /** The application whose ID and one of whose secrets match, compared in constant time. */
  async authenticate(clientId: string, secret: string): Promise<Application | undefined> {
    const app = await this.find(clientId);
    const given = digest(secret);
    let ok = false;
    for (const candidate of app?.clientSecrets ?? ['']) ok = timingSafeEqual(given, this.secretDigest(candidate)) || ok;
    return ok ? app : undefined;
  }

  private secretDigest(secret: string): Buffer {
    let d = this.secretDigests.get(secret);
    if (!d) this.secretDigests.set(secret, (d = digest(secret)));
    return d;
  }
}

export function isSubscribed(app: ApplicationConfig, context: string): boolean {
  return app.subscriptions.includes(context);
}

export class ApplicationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ApplicationError';
  }
}

function applicationProblems(app: ApplicationConfig): string[] {
  const problems: string[] = [];
  if (!/^[A-Za-z0-9_]{1,64}$/.test(app.clientId ?? '')) problems.push('clientId must be 1 to 64 letters, digits or _');
  if (!app.name) problems.push('name is required');
  if (!Array.isArray(app.clientSecrets) || app.clientSecrets.length < 1 || app.clientSecrets.length > 5)
    problems.push('between 1 and 5 client secrets are required');
  if (!Array.isArray(app.redirectUris) || app.redirectUris.length > 5) problems.push('at most 5 redirect URIs');
  else for (const uri of app.redirectUris) {
    const why = validateRedirectUri(uri);
    if (why) problems.push(`redirect URI ${why}`);
  }
  return problems;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
