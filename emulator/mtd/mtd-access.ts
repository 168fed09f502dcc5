import type { EmulatorContext } from '../context.js';
import type { ApiRequest } from '../gateway/api.js';
import { requireClientAccess } from './client-access.js';
import { mtdFailures } from './mtd-errors.js';

/**
 * Who may call an Income Tax endpoint for a NINO (HMRC `EnrolmentsAuthService`): the signed-up taxpayer
 * (HMRC-MTD-IT, confidence level 250, own NINO), or an agent with a relationship for MTD-IT. Otherwise
 * 403 CLIENT_OR_AGENT_NOT_AUTHORISED "The client or agent is not authorised".
 *
 * Supporting agents: each HMRC API lists the endpoints they may use (`api.supporting-agent-endpoints` in its
 * configuration). Obligations allows all of its endpoints; Individual Calculations allows none (trigger, list,
 * retrieve and final declaration all `false`); for Business Details, Self Employment and Property Business, where the published
 * configuration is not available, the emulator follows HMRC's guidance that supporting agents keep records and
 * send quarterly updates, and allows them. Endpoints that refuse them pass `mainAgentOnly`.
 *
 * Returns who the caller acts as, so a calculation can record `requestedBy`.
 */
export async function requireIncomeTaxAccess(
  ctx: EmulatorContext,
  req: ApiRequest,
  nino: string,
  options: { mainAgentOnly?: boolean } = {},
): Promise<{ requestedBy: 'customer' | 'agent' }> {
  const { agentType } = await requireClientAccess(ctx, req.caller, { service: 'MTD-IT', clientId: nino });
  if (agentType === 'supporting' && options.mainAgentOnly) throw mtdFailures.clientOrAgentNotAuthorised();
  return { requestedBy: agentType ? 'agent' : 'customer' };
}

/** The developer application calling: HMRC's sandbox keeps stateful test data per vendor. */
export function vendorOf(req: ApiRequest): string {
  return req.caller.kind === 'none' ? 'anonymous' : req.caller.clientId;
}
