import express from 'express';
import type { EmulatorContext } from '../context.js';
import { AccessCodes } from '../journey/access-codes.js';
import { JourneyStates } from '../journey/journey-state.js';
import { JOURNEY_TEMPLATES } from '../journey/kit.js';
import { OUTCOMES, PRESETTABLE, isPresettable } from '../journey/outcomes.js';
import { JourneyPresets } from '../journey/presets.js';
import { createPages } from '../pages/pages.js';

/**
 * Control API for the link-software journey (docs/journey.md):
 *
 * - `GET    /_emulator/journeys[?clientId=&userId=]` → `{"journeys": [{id, clientId, userId, variant, outcome, steps: [{step, choice, time}]}]}`:
 *   which steps each journey ran and what was chosen, oldest first
 * - `GET    /_emulator/journeys/outcomes` → the outcome catalogue
 * - `GET    /_emulator/journeys/presets` → presets waiting for a journey
 * - `POST   /_emulator/journeys/presets` `{"outcome": "deny", "clientId"?, "userId"?, "auto"?: true, "times"?: 1 | "always"}` → 201:
 *   preset the outcome of the next journey of an application or a user; `auto` completes it without pages
 * - `DELETE /_emulator/journeys/presets` → 204
 * - `GET    /_emulator/journeys/totp?userId=` → `{"userId", "code"}`: the authenticator-app code now, at virtual time
 * - `GET    /_emulator/outbox/page` → the outbox (texts, voice calls, emails) as an HTML page
 *
 * Errors are `{"error": "bad_request" | "not_found", "message": "..."}`.
 */
export function journeyControlRoutes(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const states = new JourneyStates(ctx.store, ctx.clock);
  const presets = new JourneyPresets(ctx.store);
  const pages = createPages([JOURNEY_TEMPLATES]);
  const bad = (res: express.Response, message: string, status = 400): void =>
    void res.status(status).json({ error: status === 404 ? 'not_found' : 'bad_request', message });
  const query = (req: express.Request, name: string): string | undefined => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);

  router.get('/journeys', async (req, res) => {
    res.json({ journeys: await states.history({ clientId: query(req, 'clientId'), userId: query(req, 'userId') }) });
  });

  router.get('/journeys/outcomes', (_req, res) => void res.json({ outcomes: OUTCOMES.map((o) => ({ ...o, presettable: isPresettable(o.id) })) }));

  router.get('/journeys/presets', async (_req, res) => void res.json({ presets: await presets.list() }));
  router.post('/journeys/presets', async (req, res) => {
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    if (!isPresettable(body.outcome)) return bad(res, `outcome must be one of: ${PRESETTABLE.join(', ')}`);
    for (const key of ['clientId', 'userId'] as const) {
      if (body[key] !== undefined && (typeof body[key] !== 'string' || !body[key] || (body[key] as string).length > 100)) return bad(res, `${key} must be a non-empty string`);
    }
    if (body.auto !== undefined && typeof body.auto !== 'boolean') return bad(res, 'auto must be true or false');
    const times = body.times === undefined ? 1 : body.times === 'always' ? undefined : Number(body.times);
    if (times !== undefined && (!Number.isInteger(times) || times < 1 || times > 10_000)) return bad(res, 'times must be a whole number from 1 to 10000, or "always"');
    if (typeof body.clientId === 'string' && !(await ctx.applications.find(body.clientId))) return bad(res, `no application with client ID ${body.clientId}`);
    if (typeof body.userId === 'string' && !(await ctx.accounts.find(body.userId))) return bad(res, `no account with user ID ${body.userId}`);
    const preset = await presets.add({
      outcome: body.outcome,
      clientId: body.clientId as string | undefined,
      userId: body.userId as string | undefined,
      auto: body.auto === true,
      remaining: times,
    });
    res.status(201).json(preset);
  });
  router.delete('/journeys/presets', async (_req, res) => {
    await presets.clear();
    res.status(204).end();
  });

  router.get('/journeys/totp', async (req, res) => {
    const userId = query(req, 'userId');
    const account = userId ? await ctx.accounts.find(userId) : undefined;
    if (!account) return bad(res, 'userId must name an account', userId ? 404 : 400);
    const secret = account.twoStepVerification?.method === 'app' ? account.twoStepVerification.totpSecret : undefined;
    if (!secret) return bad(res, 'this account does not use an authenticator app for 2-step verification');
    res.json({ userId: account.userId, code: new AccessCodes(ctx).totpNow(secret) });
  });

  router.get('/outbox/page', async (req, res) => {
    const to = query(req, 'to')?.slice(0, 254) || undefined;
    const messages = (await ctx.messages.list({ to })).reverse();
    pages.render(res, 'outbox.njk', { title: 'Outbox', serviceName: 'HMRC local sandbox', messages });
  });
  return router;
}
