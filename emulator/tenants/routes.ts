import { ControlError } from '../errors/control-error.js';
import type { ControlRoute } from '../control/route-table.js';
import * as s from '../control/schemas.js';
import { TenantError, type TenantHost } from './tenant-host.js';

const summary = s.object({ id: s.str, baseUrl: s.str, seed: s.str, journey: s.str, createdAt: s.time, lastUsedAt: s.time });
const details = s.object({
  id: s.str,
  baseUrl: s.str,
  seed: s.str,
  journey: s.str,
  createdAt: s.time,
  lastUsedAt: s.time,
  applications: { type: 'array', items: s.application },
  accounts: { type: 'array', items: { type: 'object' } },
});
const request = s.object({ id: s.str, seed: s.str, journey: { enum: ['sandbox', 'production'] }, config: { type: 'object' } }, ['id', 'seed', 'journey', 'config']);

/** A tenant's refusal in the control API's shape. */
async function asControl<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof TenantError) throw new ControlError(e.status, e.message);
    throw e;
  }
}

/**
 * `/_emulator/tenants`, on the root only, behind the control API's guard (tenants are made with the server's control
 * token): create (201, with the tenant's base URL and credentials), list, read one, delete. docs/tenants.md.
 */
export function tenantRoutes(tenants: TenantHost): ControlRoute[] {
  const missing = (id: string): ControlError => new ControlError(404, `no tenant "${id.slice(0, 64)}"`);
  return [
    {
      method: 'post',
      path: '/tenants',
      tag: 'tenants',
      summary: 'Creates an isolated tenant served under `/t/{id}`: its own accounts, applications, tokens, clock, faults, journal and tax data (all fields optional)',
      body: request,
      responses: { 201: s.created(details), 400: s.badRequest, 409: s.conflict },
      handler: async (req, res) => {
        const tenant = await asControl(tenants.create(req.body));
        res.status(201).location(`/_emulator/tenants/${tenant.id}`).json(tenant);
      },
    },
    {
      method: 'get',
      path: '/tenants',
      tag: 'tenants',
      summary: 'The tenants, without their credentials',
      responses: { 200: s.ok(s.list('tenants', summary)) },
      handler: async (_req, res) => void res.json({ tenants: await tenants.list() }),
    },
    {
      method: 'get',
      path: '/tenants/{id}',
      tag: 'tenants',
      summary: 'One tenant with its applications (with secrets) and accounts (with passwords)',
      params: { id: 'the tenant' },
      responses: { 200: s.ok(details), 404: s.notFound },
      handler: async (req, res) => {
        const id = String(req.params.id);
        const tenant = await tenants.get(id);
        if (!tenant) throw missing(id);
        res.json(tenant);
      },
    },
    {
      method: 'delete',
      path: '/tenants/{id}',
      tag: 'tenants',
      summary: 'Deletes a tenant and everything it owns',
      params: { id: 'the tenant' },
      responses: { 204: s.noContent, 404: s.notFound },
      handler: async (req, res) => {
        const id = String(req.params.id);
        if (!(await tenants.remove(id))) throw missing(id);
        res.status(204).end();
      },
    },
  ];
}
