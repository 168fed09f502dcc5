import express from 'express';
import { TenantError, type TenantHost } from './tenant-host.js';

/**
 * `/_emulator/tenants`, on the root only (the control API's guard is before it: tenants are made with the
 * server's control token): create (201, with the tenant's base URL and credentials), list, read one, delete.
 * Errors in the control API's shape, `{"error", "message"}`.
 */
export function tenantRoutes(tenants: TenantHost): express.Router {
  const router = express.Router();
  router.post('/tenants', async (req, res) => {
    const tenant = await tenants.create(req.body);
    res.status(201).location(`/_emulator/tenants/${tenant.id}`).json(tenant);
  });
  router.get('/tenants', async (_req, res) => void res.json({ tenants: await tenants.list() }));
  router.get('/tenants/:id', async (req, res) => {
    const tenant = await tenants.get(req.params.id);
    if (!tenant) throw new TenantError(404, `no tenant "${req.params.id.slice(0, 64)}"`);
    res.json(tenant);
  });
  router.delete('/tenants/:id', async (req, res) => {
    if (!(await tenants.remove(req.params.id))) throw new TenantError(404, `no tenant "${req.params.id.slice(0, 64)}"`);
    res.status(204).end();
  });
  router.use('/tenants', ((err, _req, res, next) => {
    if (!(err instanceof TenantError)) return next(err);
    res.status(err.status).json({ error: err.status === 404 ? 'not_found' : err.status === 409 ? 'conflict' : 'invalid_request', message: err.message });
  }) as express.ErrorRequestHandler);
  return router;
}
