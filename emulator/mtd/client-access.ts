import type { Account } from '../accounts/account.js';
import type { EmulatorContext } from '../context.js';
import type { Caller } from '../gateway/api.js';
import { PlatformError } from '../errors/platform-error.js';
import type { RelationshipService } from '../agents/relationships.js';

/**
 * Who may see what (HMRC: vat-api `AuthorisedController`, business-details-api `EnrolmentsAuthService`):
 * a taxpayer's token reaches only its own NINO or VRN (enrolment `HMRC-MTD-IT` / `HMRC-MTD-VAT`, and
 * confidence level 250 for Income Tax); an agent's token (enrolment `HMRC-AS-AGENT`) reaches a client
 * only through an active relationship for that service. Otherwise 403 CLIENT_OR_AGENT_NOT_AUTHORISED
 * (the VAT API's message ends with a full stop; the Income Tax APIs' does not).
 *
 * Returns the signed-in account and, for agents, whether it acts as `main` or `supporting` agent.
 */
export async function requireClientAccess(
  ctx: EmulatorContext,
  caller: Caller,
  target: { service: RelationshipService; clientId: string },
): Promise<{ account: Account; agentType?: 'main' | 'supporting' | undefined }> {
  const denied = (): PlatformError =>
    target.service === 'MTD-VAT'
      ? new PlatformError(403, 'CLIENT_OR_AGENT_NOT_AUTHORISED', 'The client and/or agent is not authorised.')
      : new PlatformError(403, 'CLIENT_OR_AGENT_NOT_AUTHORISED', 'The client or agent is not authorised');
  if (caller.kind !== 'user') throw denied();
  const account = await ctx.accounts.find(caller.userId);
  if (!account) throw denied();
  const clientId = target.clientId.replace(/\s/g, '').toUpperCase();

  if (account.affinityGroup === 'Agent') {
    const arn = account.identifiers.agentServicesAccountNumber;
    if (!arn) throw denied();
    const relationship = await ctx.relationships.find(arn, target.service, clientId);
    if (!relationship) throw denied();
    return { account, agentType: relationship.agentType };
  }

  if (target.service === 'MTD-VAT') {
    const owns = account.enrolments.some((e) => e.key === 'HMRC-MTD-VAT' && e.identifiers.some((i) => i.key === 'VRN' && i.value === clientId));
    if (!owns) throw denied();
  } else {
    const enrolled = account.enrolments.some((e) => e.key === 'HMRC-MTD-IT');
    if (!enrolled || account.identifiers.nino?.toUpperCase() !== clientId || account.confidenceLevel < 250) throw denied();
  }
  return { account };
}
