import type { EmulatorContext } from '../context.js';
import { UserGrants } from '../oauth/user-grants.js';
import { ControlError } from '../errors/control-error.js';
import type { ControlRoute } from './route-table.js';
import * as s from './schemas.js';

const param = (value: unknown): string => (typeof value === 'string' ? value : '');

const userGrant = s.object({ clientId: s.str, applicationName: s.str, grantedAt: s.time, scopes: { type: 'array', items: s.object({ key: s.str, name: s.str }) } });

/**
 * The authority users gave software, headless: what "Manage your authorised software"
 * (`/applications-manage-authority`, emulator/manage-authority/) shows and removes, for CI.
 */
export function grantControlRoutes(ctx: EmulatorContext): ControlRoute[] {
  const grants = new UserGrants(ctx.store, ctx.applications);
  const account = async (userId: string): Promise<string> => {
    const found = userId ? await ctx.accounts.find(userId) : undefined;
    if (!found) throw new ControlError(404, `no account with user ID ${userId}`);
    return found.userId;
  };
  return [
    {
      method: 'get',
      path: '/accounts/{userId}/grants',
      tag: 'accounts',
      summary: 'The software a user has granted authority to: application, when granted (virtual time), scopes in words',
      params: { userId: 'the Government Gateway user ID' },
      responses: { 200: s.ok(s.list('grants', userGrant)), 404: s.notFound },
      handler: async (req, res) => {
        const list = await grants.list(await account(param(req.params.userId)));
        res.json({ grants: list.map(({ grantIds: _ids, grantedAt, ...g }) => ({ ...g, grantedAt: new Date(grantedAt).toISOString() })) });
      },
    },
    {
      method: 'delete',
      path: '/accounts/{userId}/grants/{clientId}',
      tag: 'accounts',
      summary: "Removes a user's authority for an application, as the user can at HMRC: its refresh tokens then answer invalid_grant and its access tokens INVALID_CREDENTIALS",
      params: { userId: 'the Government Gateway user ID', clientId: 'the application' },
      responses: { 204: s.noContent, 404: s.notFound },
      handler: async (req, res) => {
        const userId = await account(param(req.params.userId));
        const clientId = param(req.params.clientId);
        if (!(await grants.revoke(userId, clientId))) throw new ControlError(404, `${userId} has not granted authority to ${clientId}`);
        res.status(204).end();
      },
    },
  ];
}
