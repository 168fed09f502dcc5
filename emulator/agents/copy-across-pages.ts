import express, { type Response } from 'express';
import type { EmulatorContext } from '../context.js';
import type { Pages } from '../pages/pages.js';
import { arnOf, copyAcross } from './agent-actions.js';
import { agencyName } from './client-link.js';
import type { PageSessions, SignedInUser } from '../pages/page-sessions.js';
import { pageSignIn, signInProblemText } from '../pages/page-sign-in.js';
import type { PageError } from '../errors/page-error.js';
import { pageExpired } from '../pages/page-expired.js';

/**
 * Copying existing Self Assessment clients across (HMRC's agent-mapping journey), under `/agent-mapping`:
 * the agent signs in with its agent services account, sees its existing Self Assessment clients and copies
 * them across; each client with a NINO gets a main-agent MTD-IT relationship. The control API's
 * `POST /_emulator/agents/{arn}/copy-across` does the same in one call.
 */
export const COPY_ACROSS_PATH = '/agent-mapping';
const SERVICE_NAME = 'Copy existing clients to your agent services account';

export function copyAcrossPageRoutes(ctx: EmulatorContext, pages: Pages, sessions: PageSessions<SignedInUser>): express.Router {
  const router = express.Router();
  const checkSignIn = pageSignIn(ctx);
  const signIn = (res: Response, csrfToken: string, extra: Record<string, unknown> = {}, status = 200): void =>
    pages.render(
      res,
      'agents-sign-in.njk',
      { title: 'Sign in', serviceName: SERVICE_NAME, hint: 'Sign in with the user ID and password of your agent services account.', action: `${COPY_ACROSS_PATH}/sign-in`, csrfToken, ...extra },
      status,
    );
  const expired = (): PageError => pageExpired(`${COPY_ACROSS_PATH}/start`, SERVICE_NAME);

  router.get(`${COPY_ACROSS_PATH}/start`, async (req, res) => {
    const session = await sessions.currentOrNew(req, res);
    if (session.userId) return void res.redirect(303, `${COPY_ACROSS_PATH}/clients`);
    signIn(res, session.csrfToken);
  });

  router.post(`${COPY_ACROSS_PATH}/sign-in`, async (req, res) => {
    const session = await sessions.current(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!sessions.csrfValid(session, body.csrfToken)) throw expired();
    const userId = typeof body.userId === 'string' ? body.userId.trim().slice(0, 100) : '';
    const result = await checkSignIn(body, session!.id);
    const account = result.ok ? result.account : undefined;
    if (!account || account.affinityGroup !== 'Agent' || !arnOf(account)) {
      const text = result.ok ? 'Sign in with an agent services account: this account is not one' : signInProblemText(ctx, result);
      return signIn(res, session!.csrfToken, { userId, errors: [{ text, href: '#userId' }], fieldErrors: { userId: text } }, 401);
    }
    await sessions.create(res, { userId: account.userId }, session);
    res.redirect(303, `${COPY_ACROSS_PATH}/clients`);
  });

  const signedInAgent = async (req: express.Request) => {
    const session = await sessions.current(req);
    const agent = session?.userId ? await ctx.accounts.find(session.userId) : undefined;
    const arn = agent ? arnOf(agent) : undefined;
    return session && agent && arn ? { session, agent, arn } : undefined;
  };

  router.get(`${COPY_ACROSS_PATH}/clients`, async (req, res) => {
    const who = await signedInAgent(req);
    if (!who) return void res.redirect(303, `${COPY_ACROSS_PATH}/start`);
    const clients = await ctx.agents.saClients.list(who.arn);
    pages.render(res, 'agents-sa-clients.njk', {
      title: 'Your existing Self Assessment clients',
      serviceName: SERVICE_NAME,
      agencyName: agencyName(who.agent),
      rows: clients.map((c) => [{ text: c.name }, { text: c.saUtr ?? '–' }, { text: c.nino ?? 'No National Insurance number' }, { text: c.copiedAt ? 'Copied across' : 'Not copied yet' }]),
      canCopy: clients.some((c) => c.nino && !c.copiedAt),
      action: `${COPY_ACROSS_PATH}/copy-across`,
      csrfToken: who.session.csrfToken,
    });
  });

  router.post(`${COPY_ACROSS_PATH}/copy-across`, async (req, res) => {
    const who = await signedInAgent(req);
    if (!who || !sessions.csrfValid(who.session, (req.body as Record<string, unknown> | undefined)?.csrfToken)) throw expired();
    const made = await copyAcross(ctx, who.arn);
    pages.render(res, 'message.njk', {
      title: made.length ? 'Clients copied across' : 'No clients to copy across',
      serviceName: SERVICE_NAME,
      paragraphs: made.length
        ? [`You can now manage Income Tax for ${made.length} client${made.length === 1 ? '' : 's'} through software:`, ...made.map((r) => r.clientId)]
        : ['All your Self Assessment clients with a National Insurance number have already been copied across.'],
      actions: [{ text: 'Back to your clients', href: `${COPY_ACROSS_PATH}/clients`, testid: 'back-to-clients', secondary: true }],
    });
  });

  return router;
}
