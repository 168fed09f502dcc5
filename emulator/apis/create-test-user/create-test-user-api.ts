import type { AffinityGroup } from '../../accounts/account.js';
import { AccountRequestError, generateAccount } from '../../accounts/generate-account.js';
import { createPrng } from '../../accounts/identifiers/prng.js';
import { SERVICES } from '../../accounts/services.js';
import type { EmulatorContext } from '../../context.js';
import { PlatformError } from '../../errors/platform-error.js';
import type { Api, ApiRequest, ApiResponse } from '../../gateway/api.js';
import { badRequest, parseCreateRequest } from './parse-request.js';
import { createdUserBody } from './response.js';

/**
 * HMRC's Create Test User API (hmrc/api-platform-test-user, v1.0, sandbox only): all four endpoints are
 * application-restricted with no scope. Users it creates are stored as accounts and can sign in at once with the
 * returned user ID and password (stored hashed). Errors: 400 `NINO_ALREADY_USED` "The nino specified has already
 * been used", 400 `PILLAR2_ID_ALREADY_USED` "The pillar2Id specified has already been used"; bad bodies, see
 * parse-request.ts.
 *
 * Each created user draws from a PRNG seeded with `<config.seed>:create-test-user:<n>` (n counts users since
 * start-up or reset), so a test run against a fresh emulator gets the same users every time.
 */
export const createTestUserApi: Api = {
  name: 'Create Test User',
  context: 'create-test-user',
  versions: ['1.0'],
  formats: ['json'],
  endpoints: [
    { method: 'POST', path: '/create-test-user/individuals', auth: 'application', handler: (req, ctx) => create('Individual', req, ctx) },
    { method: 'POST', path: '/create-test-user/organisations', auth: 'application', handler: (req, ctx) => create('Organisation', req, ctx) },
    { method: 'POST', path: '/create-test-user/agents', auth: 'application', handler: (req, ctx) => create('Agent', req, ctx) },
    { method: 'GET', path: '/create-test-user/services', auth: 'application', handler: services },
  ],
};

function services(): ApiResponse {
  return { status: 200, body: SERVICES.filter((s) => s.listed).map((s) => ({ key: s.key, name: s.name, allowedUserTypes: s.allowedUserTypes })) };
}

async function create(affinityGroup: AffinityGroup, req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const request = parseCreateRequest(affinityGroup, req.body, req.headers);
  const n = await ctx.store.increment('create-test-user', 'users-created', 1, Number.MAX_SAFE_INTEGER);
  try {
    const { account, password } = await generateAccount(request, {
      prng: createPrng(`${ctx.config.seed}:create-test-user:${n}`),
      today: new Date(ctx.clock.now()),
      taken: (key, value) => ctx.accounts.identifierTaken(key, value),
      userIdTaken: async (userId) => (await ctx.accounts.find(userId)) !== undefined,
    });
    await ctx.accounts.add(account);
    return { status: 201, body: createdUserBody(account, password) };
  } catch (e) {
    if (!(e instanceof AccountRequestError)) throw e;
    if (e.code === 'NINO_ALREADY_USED' || e.code === 'PILLAR2_ID_ALREADY_USED') throw new PlatformError(400, e.code, e.message);
    throw badRequest(e.message);
  }
}
