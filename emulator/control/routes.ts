import express from 'express';
import type { SeededPersona } from '../accounts/seed.js';
import { ApplicationError } from '../applications/applications.js';
import { parseDuration } from '../clock/clock.js';
import type { EmulatorContext } from '../context.js';
import { agentControlRoutes } from './agent-routes.js';
import { FAULT_CATALOGUE } from './faults.js';
import { controlGuard } from './guard.js';
import { journeyControlRoutes } from './journey-routes.js';
import { signUpControlRoutes } from './sign-up-routes.js';

class ControlError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * The control API, under the reserved prefix `/_emulator` (HMRC has no such path): health, clock,
 * reset, journal, faults, applications and accounts. Errors are `{"error": "...", "message": "..."}`.
 */
export function controlRoutes(ctx: EmulatorContext, hooks: { reset: () => Promise<void>; personas: () => SeededPersona[]; rootRoutes?: express.Router | undefined }): express.Router {
  const router = express.Router();
  router.use(controlGuard(ctx, ctx.control));
  if (hooks.rootRoutes) router.use(hooks.rootRoutes);

  router.get('/health', (_req, res) => void res.json({ status: 'ok', baseUrl: ctx.baseUrl, time: new Date(ctx.clock.now()).toISOString() }));

  router.get('/clock', (_req, res) => void res.json(clockBody(ctx)));
  router.post('/clock/advance', (req, res) => {
    const by = (req.body as { by?: unknown } | undefined)?.by;
    const ms = typeof by === 'string' ? parseDuration(by) : undefined;
    if (ms === undefined) throw new ControlError(400, 'body must be {"by": "<ISO-8601 duration>"}, e.g. {"by": "PT4H"} or {"by": "P547D"}');
    try {
      ctx.clock.advance(ms);
    } catch (e) {
      if (e instanceof RangeError) throw new ControlError(400, e.message);
      throw e;
    }
    res.json(clockBody(ctx));
  });

  router.post('/reset', async (_req, res) => {
    await hooks.reset();
    res.json({ status: 'reset', ...clockBody(ctx) });
  });

  router.get('/journal', async (req, res) => {
    const since = req.query.since === undefined ? undefined : Number(req.query.since);
    if (since !== undefined && !Number.isInteger(since)) throw new ControlError(400, 'since must be a journal entry id');
    const clientId = typeof req.query.clientId === 'string' ? req.query.clientId : undefined;
    const path = typeof req.query.path === 'string' ? req.query.path : undefined;
    res.json({ entries: await ctx.journal.entries({ clientId, since, path }) });
  });

  router.get('/faults', async (_req, res) => void res.json({ catalogue: FAULT_CATALOGUE, active: await ctx.faults.active() }));
  router.post('/faults', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body.id !== 'string') throw new ControlError(400, `body must name a fault: {"id": "…"}; known faults: ${FAULT_CATALOGUE.map((f) => f.id).join(', ')}`);
    const times = body.times === undefined ? 1 : body.times === 'always' ? undefined : Number(body.times);
    if (times !== undefined && (!Number.isInteger(times) || times < 1)) throw new ControlError(400, 'times must be a positive whole number or "always"');
    const delayMs = body.delayMs === undefined ? undefined : Number(body.delayMs);
    if (delayMs !== undefined && (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 120_000)) throw new ControlError(400, 'delayMs must be between 0 and 120000');
    try {
      const fault = await ctx.faults.activate({
        id: body.id,
        remaining: times,
        clientId: typeof body.clientId === 'string' ? body.clientId : undefined,
        pathPrefix: typeof body.pathPrefix === 'string' ? body.pathPrefix : undefined,
        delayMs,
      });
      res.status(201).json(fault);
    } catch (e) {
      throw new ControlError(400, (e as Error).message);
    }
  });
  router.delete('/faults', async (_req, res) => {
    await ctx.faults.clear();
    res.status(204).end();
  });

  router.get('/outbox', async (req, res) => {
    const to = typeof req.query.to === 'string' ? req.query.to : undefined;
    res.json({ messages: await ctx.messages.list({ to }) });
  });
  router.get('/mailbox', async (req, res) => {
    const to = typeof req.query.to === 'string' ? req.query.to : undefined;
    res.json({ messages: await ctx.messages.list({ channel: 'email', to }) });
  });

  router.get('/applications', async (_req, res) => {
    const apps = await ctx.applications.list();
    res.json({ applications: apps.map(({ internalSecret: _hidden, ...app }) => app) });
  });
  router.post('/applications', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      const { internalSecret: _hidden, ...app } = await ctx.applications.register({
        clientId: String(body.clientId ?? ''),
        clientSecrets: body.clientSecrets as string[],
        name: String(body.name ?? ''),
        redirectUris: (body.redirectUris as string[]) ?? [],
        subscriptions: (body.subscriptions as string[]) ?? ctx.config.applications[0]!.subscriptions,
        rateLimitPerSecond: body.rateLimitPerSecond as number | undefined,
      });
      res.status(201).json(app);
    } catch (e) {
      if (e instanceof ApplicationError) throw new ControlError(400, e.message);
      throw e;
    }
  });

  router.get('/accounts', async (_req, res) => {
    const passwords = new Map(hooks.personas().map((p) => [p.userId, p.password]));
    const accounts = await ctx.accounts.list();
    res.json({ accounts: accounts.map(({ passwordHash: _hash, ...a }) => ({ ...a, password: passwords.get(a.userId) })) });
  });

  router.use(agentControlRoutes(ctx));
  router.use(journeyControlRoutes(ctx));

  router.use(signUpControlRoutes(ctx));
  router.use((_req, _res) => {
    throw new ControlError(404, 'no such control endpoint; see the README for the control API');
  });
  router.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (err instanceof ControlError) return void res.status(err.status).json({ error: err.status === 404 ? 'not_found' : 'bad_request', message: err.message });
    next(err);
  });
  return router;
}

function clockBody(ctx: EmulatorContext): { now: string } {
  return { now: new Date(ctx.clock.now()).toISOString() };
}
