import type { Account } from '../../accounts/account.js';
import { clientLinkPath } from '../client-link.js';
import type { Invitation } from '../invitations.js';
import type { EmulatorContext } from '../../context.js';

/**
 * An authorisation request as the API shows it (agent-authorisation-api `InvitationDetails.apiWrites`):
 * pending ones carry `expiresOn` (the expiry day at midnight, HMRC's `yyyy-MM-dd'T'HH:mm:ss.nnn`) and
 * `clientActionUrl`; responded ones carry `updated` instead. `agentType` only for MTD-IT.
 * `service` is `["MTD-IT"]` in version 1.0 (HMRC's published 1.0 model) and `"MTD-IT"` in 2.0 (the 2.0
 * schema and examples). HMRC's code renders the array in both; change `serviceValue` to follow it.
 */
export function invitationBody(ctx: EmulatorContext, invitation: Invitation, version: string, agent: Account | undefined): Record<string, unknown> {
  const invitations = ctx.agents.invitations;
  const status = invitations.status(invitation);
  const serviceValue = version === '1.0' ? [invitation.service] : invitation.service;
  const links = { self: { href: invitationPath(invitation.arn, invitation.invitationId) } };
  const created = new Date(invitation.created).toISOString();
  const agentType = invitation.service === 'MTD-IT' ? { agentType: invitation.agentType ?? 'main' } : {};
  if (status === 'Pending') {
    return {
      _links: links,
      created,
      expiresOn: `${invitation.expiresOn}T00:00:00.000`,
      arn: invitation.arn,
      service: serviceValue,
      status,
      clientActionUrl: `${ctx.baseUrl}${agent ? clientLinkPath(agent, invitation.arn, invitation.service) : ''}`,
      ...agentType,
    };
  }
  return {
    _links: links,
    created,
    updated: new Date(invitations.updated(invitation) ?? invitation.created).toISOString(),
    arn: invitation.arn,
    service: serviceValue,
    status,
    ...agentType,
  };
}

export function invitationPath(arn: string, invitationId: string): string {
  return `/agents/${arn}/invitations/${invitationId}`;
}
