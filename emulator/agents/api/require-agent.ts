import type { Account } from '../../accounts/account.js';
import { arnOf } from '../agent-actions.js';
import type { EmulatorContext } from '../../context.js';
import type { ApiRequest } from '../../gateway/api.js';
import { agentErrors } from './agent-errors.js';

/**
 * Every Agent Authorisation endpoint first checks who is signed in (agent-authorisation-api `AuthActions`,
 * `AuthorisedAgentAction`): not an Agent account → 403 NOT_AN_AGENT; an Agent account without an agent
 * services account (enrolment HMRC-AS-AGENT) → 403 AGENT_NOT_SUBSCRIBED; an agent services account whose
 * ARN is not the `{arn}` in the path → 403 NO_PERMISSION_ON_AGENCY.
 */
export async function requireAgent(req: ApiRequest, ctx: EmulatorContext): Promise<{ account: Account; arn: string }> {
  if (req.caller.kind !== 'user') throw agentErrors.notAnAgent();
  const account = await ctx.accounts.find(req.caller.userId);
  if (!account || account.affinityGroup !== 'Agent') throw agentErrors.notAnAgent();
  const arn = arnOf(account);
  if (!arn) throw agentErrors.agentNotSubscribed();
  if (arn !== req.params.arn) throw agentErrors.noPermissionOnAgency();
  return { account, arn };
}
