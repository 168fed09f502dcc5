import type Provider from 'oidc-provider';
import type { Caller } from '../gateway/api.js';
import { splitScopes } from './scopes.js';

/** Resolves a bearer token to its caller, or undefined when it is unknown, expired or revoked. */
export class TokenLookup {
  constructor(private readonly provider: Provider) {}

  async lookup(token: string): Promise<Exclude<Caller, { kind: 'none' }> | undefined> {
    if (token.length > 512) return undefined;
    const user = await this.provider.AccessToken.find(token);
    if (user && !user.isExpired) {
      return { kind: 'user', clientId: user.clientId!, scopes: splitScopes(user.scope ?? ''), userId: user.accountId!, grantId: user.grantId };
    }
    const app = await this.provider.ClientCredentials.find(token);
    if (app && !app.isExpired) return { kind: 'application', clientId: app.clientId!, scopes: splitScopes(app.scope ?? '') };
    return undefined;
  }
}
