import type { EmulatorContext } from '../../../context.js';
import type { ApiRequest, ApiResponse, Endpoint } from '../../../gateway/api.js';
import { mtd } from '../../../mtd/mtd-errors.js';

/**
 * Who may call Self Assessment Test Support. HMRC's service (mtd-sa-test-support-api `EnrolmentsAuthService`)
 * authorises `Enrolment("HMRC-MTD-IT") or Enrolment("HMRC-AS-AGENT")`, individuals at confidence level 200, and
 * answers anyone else 403 CLIENT_OR_AGENT_NOT_AUTHORISED "The client and/or agent is not authorised"; the NINO in
 * the request need not be the caller's (the data is the vendor's). Its OpenAPI calls the endpoints user-restricted,
 * while the reference and libmtdac call them with an application token: the emulator accepts both, checking the
 * enrolments when a user token is used.
 */
const denied = () => mtd(403, 'CLIENT_OR_AGENT_NOT_AUTHORISED', 'The client and/or agent is not authorised');

async function requireTestSupportCaller(ctx: EmulatorContext, req: ApiRequest): Promise<void> {
  if (req.caller.kind !== 'user') return;
  const account = await ctx.accounts.find(req.caller.userId);
  if (!account) throw denied();
  const has = (key: string): boolean => account.enrolments.some((e) => e.key === key);
  const allowed =
    (account.affinityGroup === 'Agent' && has('HMRC-AS-AGENT')) ||
    (account.affinityGroup === 'Organisation' && has('HMRC-MTD-IT')) ||
    (account.affinityGroup === 'Individual' && has('HMRC-MTD-IT') && account.confidenceLevel >= 200);
  if (!allowed) throw denied();
}

export function withTestSupportCaller(endpoints: Endpoint[]): Endpoint[] {
  return endpoints.map((endpoint) => ({
    ...endpoint,
    handler: async (req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> => {
      await requireTestSupportCaller(ctx, req);
      return endpoint.handler(req, ctx);
    },
  }));
}
