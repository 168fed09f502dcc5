import express, { type Request, type Response } from 'express';
import type { Account } from '../accounts/account.js';
import type { EmulatorContext } from '../context.js';
import type { Pages } from '../pages/pages.js';
import { acceptInvitation, InvitationStateError, respondToInvitation } from './agent-actions.js';
import { agencyName, CLIENT_LINK_PREFIX, findAgentByUid, serviceFromLinkPart } from './client-link.js';
import type { Invitation } from './invitations.js';
import type { PageSessions, SignedInUser } from '../pages/page-sessions.js';
import { pageSignIn, signInProblemText } from '../pages/page-sign-in.js';
import type { RelationshipService } from './relationships.js';
import type { PageError } from '../errors/page-error.js';
import { pageExpired } from '../pages/page-expired.js';

/**
 * The page behind an authorisation request's `clientActionUrl`
 * (`/agent-client-relationships/appoint-someone-to-deal-with-HMRC-for-you/{uid}/{agent}/{income-tax|vat}`):
 * the client signs in with their own user ID, sees the agent's pending request for their NINO (Income Tax)
 * or VRN (VAT), and answers Yes (the relationship is made; Partialauth for a client not yet signed up to MTD
 * Income Tax) or No (Rejected). An expired, cancelled or
 * already answered request shows a page saying so. Agents cannot answer for clients.
 */
export const SERVICE_NAME = 'Appoint someone to deal with HMRC for you';
const SERVICE_TEXT: Record<RelationshipService, string> = { 'MTD-IT': 'manage your Income Tax', 'MTD-VAT': 'manage your VAT' };

export function clientPageRoutes(ctx: EmulatorContext, pages: Pages, sessions: PageSessions<SignedInUser>): express.Router {
  const router = express.Router();
  const checkSignIn = pageSignIn(ctx);
  const base = `${CLIENT_LINK_PREFIX}/:uid/:agentName/:servicePart`;

  const message = (res: Response, title: string, paragraphs: string[], status = 200): void =>
    pages.render(res, 'message.njk', { title, serviceName: SERVICE_NAME, paragraphs }, status);

  /** The agent and service the link names, or a "not found" page. */
  const resolve = async (req: Request, res: Response): Promise<{ agent: Account; arn: string; service: RelationshipService; link: string } | undefined> => {
    const { uid, agentName, servicePart } = req.params as Record<string, string>;
    const service = serviceFromLinkPart(servicePart ?? '');
    const found = service ? await findAgentByUid(ctx.accounts, uid ?? '') : undefined;
    if (!service || !found) {
      message(res, 'This link is not valid', ['Check you have the right link from your agent, or ask them to send it again.'], 404);
      return undefined;
    }
    return { ...found, service, link: `${CLIENT_LINK_PREFIX}/${encodeURIComponent(uid!)}/${encodeURIComponent(agentName!)}/${servicePart}` };
  };

  const signInPage = (res: Response, link: string, csrfToken: string, extra: Record<string, unknown> = {}, status = 200): void =>
    pages.render(
      res,
      'agents-sign-in.njk',
      { title: 'Sign in', serviceName: SERVICE_NAME, hint: 'Sign in with the user ID and password of the client the agent has asked for authorisation.', action: `${link}/sign-in`, csrfToken, ...extra },
      status,
    );

  router.get(base, async (req, res) => {
    const target = await resolve(req, res);
    if (!target) return;
    const session = await sessions.currentOrNew(req, res);
    if (session.userId) return void res.redirect(303, `${target.link}/authorise`);
    signInPage(res, target.link, session.csrfToken);
  });

  router.post(`${base}/sign-in`, async (req, res) => {
    const target = await resolve(req, res);
    if (!target) return;
    const session = await sessions.current(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!sessions.csrfValid(session, body.csrfToken)) throw expired(target.link);
    const userId = typeof body.userId === 'string' ? body.userId.trim().slice(0, 100) : '';
    const result = await checkSignIn(body, session!.id);
    const account = result.ok ? result.account : undefined;
    if (!account || account.affinityGroup === 'Agent') {
      const text = result.ok ? 'Sign in with your own user ID, not your agent’s' : signInProblemText(ctx, result);
      return signInPage(res, target.link, session!.csrfToken, { userId, errors: [{ text, href: '#userId' }], fieldErrors: { userId: text } }, 401);
    }
    await sessions.create(res, { userId: account.userId }, session);
    res.redirect(303, `${target.link}/authorise`);
  });

  router.get(`${base}/authorise`, async (req, res) => {
    const target = await resolve(req, res);
    if (!target) return;
    const session = await sessions.current(req);
    const client = session?.userId ? await ctx.accounts.find(session.userId) : undefined;
    if (!session || !client) return void res.redirect(303, target.link);
    const invitation = await latestRequest(ctx, target.arn, target.service, client);
    if (!invitation || ctx.agents.invitations.status(invitation) !== 'Pending') return noRequest(res, target.agent, invitation);
    authorisePage(res, target, invitation, session.csrfToken);
  });

  router.post(`${base}/authorise`, async (req, res) => {
    const target = await resolve(req, res);
    if (!target) return;
    const session = await sessions.current(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!sessions.csrfValid(session, body.csrfToken)) throw expired(target.link);
    const client = session!.userId ? await ctx.accounts.find(session!.userId) : undefined;
    if (!client) return void res.redirect(303, target.link);
    const invitation = typeof body.invitationId === 'string' ? await ctx.agents.invitations.find(body.invitationId) : undefined;
    if (!invitation || invitation.arn !== target.arn || invitation.service !== target.service || !clientIds(client).includes(invitation.clientId)) {
      return message(res, 'There is no authorisation request', ['We could not find this request for your account.'], 404);
    }
    if (body.decision !== 'accept' && body.decision !== 'reject') {
      const text = `Select yes if you want to authorise ${agencyName(target.agent)}`;
      return authorisePage(res, target, invitation, session!.csrfToken, [{ text, href: '#decision' }], 400);
    }
    let answered: Invitation;
    try {
      answered = body.decision === 'accept' ? await acceptInvitation(ctx, invitation) : await respondToInvitation(ctx, invitation, 'Rejected');
    } catch (e) {
      if (e instanceof InvitationStateError) return noRequest(res, target.agent, invitation);
      throw e;
    }
    const name = agencyName(target.agent);
    const paragraphs: Record<string, string[]> = {
      Accepted: [`You have authorised ${name} to ${SERVICE_TEXT[target.service]}.`, 'You can remove this authorisation at any time.'],
      Partialauth: [`You have authorised ${name} to sign you up to Making Tax Digital for Income Tax.`, 'Once you are signed up, they can manage your Income Tax.'],
      Rejected: [`You have not authorised ${name} to ${SERVICE_TEXT[target.service]}.`],
    };
    message(res, answered.status === 'Rejected' ? 'Authorisation request declined' : 'Authorisation complete', paragraphs[answered.status] ?? []);
  });

  const authorisePage = (
    res: Response,
    target: { agent: Account; service: RelationshipService; link: string },
    invitation: Invitation,
    csrfToken: string,
    errors?: Array<{ text: string; href: string }>,
    status = 200,
  ): void =>
    pages.render(
      res,
      'agents-authorise.njk',
      {
        title: `Do you want to authorise ${agencyName(target.agent)}?`,
        serviceName: SERVICE_NAME,
        agencyName: agencyName(target.agent),
        serviceText: SERVICE_TEXT[target.service],
        agentType: invitation.agentType,
        expiresOn: new Date(`${invitation.expiresOn}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
        action: `${target.link}/authorise`,
        invitationId: invitation.invitationId,
        csrfToken,
        errors,
        fieldErrors: errors ? { decision: errors[0]!.text } : undefined,
      },
      status,
    );

  const noRequest = (res: Response, agent: Account, invitation: Invitation | undefined): void => {
    const status = invitation ? ctx.agents.invitations.status(invitation) : undefined;
    const name = agencyName(agent);
    if (status === 'Expired') return message(res, 'This authorisation request has expired', [`Ask ${name} to send you a new request.`], 410);
    if (status === 'Accepted' || status === 'Partialauth') return message(res, 'You have already authorised this agent', [`${name} can already act for you.`]);
    if (status === 'Rejected') return message(res, 'You have already declined this request', [`Ask ${name} to send you a new request if you want them to act for you.`]);
    if (status === 'Cancelled') return message(res, 'This authorisation request has been cancelled', [`${name} cancelled this request.`], 410);
    message(res, 'There is no authorisation request', [`${name} has not asked you for this authorisation, or has asked for a different client.`], 404);
  };

  const expired = (link: string): PageError => pageExpired(link, SERVICE_NAME);

  return router;
}

/** The client's NINO and VRN, as held on the account. */
function clientIds(client: Account): string[] {
  return [client.identifiers.nino, client.identifiers.vrn].filter((v): v is string => Boolean(v)).map((v) => v.replace(/\s/g, '').toUpperCase());
}

/** The agent's newest request to this client for the service. */
async function latestRequest(ctx: EmulatorContext, arn: string, service: RelationshipService, client: Account): Promise<Invitation | undefined> {
  const ids = clientIds(client);
  const all = (await ctx.agents.invitations.list({ arn, service })).filter((i) => ids.includes(i.clientId)).sort((a, b) => b.created - a.created);
  return all.find((i) => ctx.agents.invitations.status(i) === 'Pending') ?? all[0];
}
