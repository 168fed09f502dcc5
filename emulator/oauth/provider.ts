import Provider, { type Adapter, type Configuration, type interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import type { EmulatorConfig } from '../config/defaults.js';
import type { Clock } from '../clock/clock.js';
import { isStoreDown, STORE_DOWN, STORE_DOWN_BODY } from '../errors/store-down.js';
import type { Store } from '../store/store.js';
import { createAdapterClass } from './adapter.js';
import { CookieSigner } from './cookie-signer.js';
import type { ProviderKeys } from './keys.js';
import { SCOPES } from './scopes.js';
import { hmrcTokenResponse } from './token-response.js';

export const INTERACTION_PATH = '/oauth/interaction';

/** The paths oidc-provider answers; everything else is the emulator's own. */
export const PROVIDER_PATHS = ['/oauth/authorize', '/oauth/authorize/:uid', '/oauth/token', '/.well-known/openid-configuration', '/_emulator/oidc/jwks'];

/**
 * oidc-provider, configured as HMRC's authorisation server: authorization code (PKCE optional, S256
 * only), refresh token (single use, rotated) and client credentials; opaque tokens; HMRC's lifetimes;
 * client authentication in the form body. HMRC's own validation and error wording sit in front of it
 * (authorize-rules.ts, token-rules.ts); the sign-in and grant steps are interactions, whose `policy` (the prompts
 * and when each applies) comes from journey/policy.ts through the composition (build-emulator.ts): oauth/ sits
 * below journey/ and does not import it.
 */
export function createProvider(
  config: EmulatorConfig,
  issuer: string,
  store: Store,
  clock: Clock,
  keys: ProviderKeys,
  policy: interactionPolicy.DefaultPolicy,
): Provider {
  const jwk = { ...keys.signingKey, kid: 'emulator', use: 'sig', alg: 'ES256' };

  const Adapter = createAdapterClass(store, clock);
  const configuration: Configuration = {
    adapter: Adapter,
    clientAuthMethods: ['client_secret_post'],
    clientDefaults: { id_token_signed_response_alg: 'ES256', grant_types: ['authorization_code'], response_types: ['code'] },
    enabledJWA: { idTokenSigningAlgValues: ['ES256'] },
    jwks: { keys: [jwk as never] },
    cookies: { keys: new CookieSigner(keys.cookieKeys), long: { signed: true }, short: { signed: true } },
    scopes: SCOPES.map((s) => s.key),
    claims: { openid: ['sub'], email: ['email'], profile: ['name'], address: ['address'] },
    responseTypes: ['code'],
    pkce: { required: () => false },
    features: {
      clientCredentials: { enabled: true },
      // HMRC's platform has none of these, which oidc-provider 9 turns on by default: a vendor's DPoP header or
      // `resource` parameter is ignored, as HMRC ignores them, and no PAR endpoint is advertised.
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false },
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      revocation: { enabled: false },
      introspection: { enabled: false },
    },
    routes: {
      authorization: '/oauth/authorize',
      token: '/oauth/token',
      jwks: '/_emulator/oidc/jwks',
    },
    ttl: {
      AccessToken: config.tokens.accessTokenSeconds,
      ClientCredentials: config.tokens.accessTokenSeconds,
      AuthorizationCode: config.tokens.authorizationCodeSeconds,
      RefreshToken: config.tokens.grantDays * 86_400,
      Grant: config.tokens.grantDays * 86_400,
      IdToken: 3600,
      Interaction: 3600,
      Session: 3600,
    },
    rotateRefreshToken: true,
    // Tokens outlive the browser session: HMRC's grants last 18 months, whatever happens to the sign-in.
    expiresWithSession: async () => false,
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    allowOmittingSingleRegisteredRedirectUri: false,
    interactions: {
      url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}`,
      policy,
    },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
    renderError: async (ctx, out) => {
      ctx.status = ctx.status >= 400 ? ctx.status : 400;
      ctx.type = 'application/json';
      ctx.body = { error: out.error, error_description: out.error_description };
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.proxy = true;
  rememberClientsByMetadata(provider, new Adapter('Client'));
  // The shared store out of reach (Redis down): oidc-provider renders it as its own 500 server_error; it is the
  // gateway's 503 SERVER_ERROR, as on every other path.
  provider.on('server_error', (ctx: KoaContextWithOIDC, err: unknown) => {
    if (isStoreDown(err)) ctx.state.storeDown = true;
  });
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    try {
      await next();
      if (!ctx.state.storeDown && ctx.oidc?.route === 'token') await hmrcTokenResponse(ctx, store);
    } catch (err) {
      if (!isStoreDown(err)) throw err;
      ctx.state.storeDown = true;
    }
    if (ctx.state.storeDown) {
      ctx.status = STORE_DOWN.status;
      ctx.type = 'application/json';
      ctx.body = STORE_DOWN_BODY;
    }
  });
  return provider;
}

/**
 * oidc-provider finds a stored client on every token request and, to notice changed metadata, serialises and
 * hashes what the adapter returned each time: about 5% of a token's cost. Applications are registered once and
 * never edited in place (applications.ts stores a new object), and the memory store hands back the object it
 * keeps. So the same metadata object is the same client: remembered here by identity, weakly, so a replaced or
 * reset application is looked up afresh. A store that returns a new object per read (a database) simply
 * always takes oidc-provider's own path.
 */
function rememberClientsByMetadata(provider: Provider, clients: Adapter): void {
  const Client = provider.Client;
  const find = Client.find.bind(Client);
  const known = new WeakMap<object, InstanceType<typeof Client>>();
  Client.find = async (id: string) => {
    const metadata = typeof id === 'string' && id ? await clients.find(id) : undefined;
    const remembered = metadata && known.get(metadata);
    if (remembered) return remembered;
    const client = await find(id);
    if (client && metadata) known.set(metadata, client);
    return client;
  };
}
