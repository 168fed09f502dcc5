import type { SeededPersona } from '../accounts/seed.js';
import { ApplicationError } from '../applications/applications.js';
import { parseDuration } from '../clock/clock.js';
import type { EmulatorContext } from '../context.js';
import { ControlError } from '../errors/control-error.js';
import { FAULT_CATALOGUE, isFaultId } from './faults.js';
import type { ControlRoute } from './route-table.js';
import * as s from './schemas.js';

export interface ControlHooks {
  reset: () => Promise<void>;
  personas: () => SeededPersona[];
  /** Routes only the root serves (tenant management, tenants/routes.ts). */
  rootRoutes?: ControlRoute[] | undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Health, clock, reset, journal, faults, outbox and mailbox, applications and accounts. */
export function coreControlRoutes(ctx: EmulatorContext, hooks: ControlHooks): ControlRoute[] {
  const clockBody = (): { now: string } => ({ now: new Date(ctx.clock.now()).toISOString() });
  return [
    {
      method: 'get',
      path: '/health',
      tag: 'emulator',
      summary: 'Liveness, base URL and virtual time; open without the control token',
      open: 'unguarded',
      responses: { 200: s.ok(s.object({ status: { const: 'ok' }, baseUrl: s.str, time: s.time })) },
      handler: (_req, res) => void res.json({ status: 'ok', baseUrl: ctx.baseUrl, time: new Date(ctx.clock.now()).toISOString() }),
    },
    {
      method: 'get',
      path: '/clock',
      tag: 'clock',
      summary: 'The virtual time',
      responses: { 200: s.ok(s.clock) },
      handler: (_req, res) => void res.json(clockBody()),
    },
    {
      method: 'post',
      path: '/clock/advance',
      tag: 'clock',
      summary: 'Moves the virtual clock on by an ISO-8601 duration (`PT4H`, `P3D`, `P18M`); codes, tokens, grants, lock-outs, links, invitations and throttle windows all follow it',
      body: s.object({ by: { type: 'string', examples: ['PT10M', 'PT4H', 'P3D', 'P18M'] } }),
      responses: { 200: s.ok(s.clock), 400: s.badRequest },
      handler: (req, res) => {
        const by = (req.body as { by?: unknown } | undefined)?.by;
        const ms = typeof by === 'string' ? parseDuration(by) : undefined;
        if (ms === undefined) throw new ControlError(400, 'body must be {"by": "<ISO-8601 duration>"}, e.g. {"by": "PT4H"} or {"by": "P547D"}');
        try {
          ctx.clock.advance(ms);
        } catch (e) {
          if (e instanceof RangeError) throw new ControlError(400, e.message);
          throw e;
        }
        res.json(clockBody());
      },
    },
    {
      method: 'post',
      path: '/reset',
      tag: 'emulator',
      summary: 'Back to the seed: accounts, applications, tokens, journal, faults, clock',
      responses: { 200: s.ok(s.object({ status: { const: 'reset' }, now: s.time })) },
      handler: async (_req, res) => {
        await hooks.reset();
        res.json({ status: 'reset', ...clockBody() });
      },
    },
    {
      method: 'get',
      path: '/journal',
      tag: 'journal',
      summary: 'Every request and response seen, oldest first; secrets shown as `***`, codes and tokens as `sha256:…` fingerprints so reuse stays visible; a response body that is not JSON (a page) as its first 4,096 characters and `…`',
      query: { clientId: 'only requests of this application', path: 'only paths starting with this', since: 'only entries after this entry id' },
      responses: { 200: s.ok(s.list('entries', s.journalEntry)), 400: s.badRequest },
      handler: async (req, res) => {
        const since = req.query.since === undefined ? undefined : Number(req.query.since);
        if (since !== undefined && !Number.isInteger(since)) throw new ControlError(400, 'since must be a journal entry id');
        res.json({ entries: await ctx.journal.entries({ clientId: text(req.query.clientId), since, path: text(req.query.path) }) });
      },
    },
    {
      method: 'get',
      path: '/faults',
      tag: 'faults',
      summary: 'The fault catalogue and the faults switched on',
      responses: { 200: s.ok(s.object({ catalogue: { type: 'array', items: s.object({ id: s.str, appliesTo: { enum: ['token', 'api'] }, description: s.str }) }, active: { type: 'array', items: s.activeFault } })) },
      handler: async (_req, res) => void res.json({ catalogue: FAULT_CATALOGUE, active: await ctx.faults.active() }),
    },
    {
      method: 'post',
      path: '/faults',
      tag: 'faults',
      summary: 'Switches a fault on: one-shot by default, `"times": "always"` until cleared',
      body: s.object(
        { id: { enum: FAULT_CATALOGUE.map((f) => f.id) }, times: { oneOf: [{ type: 'integer', minimum: 1 }, { const: 'always' }] }, clientId: s.str, pathPrefix: s.str, delayMs: { type: 'integer', minimum: 0, maximum: 120_000 } },
        ['times', 'clientId', 'pathPrefix', 'delayMs'],
      ),
      responses: { 201: s.created(s.activeFault), 400: s.badRequest },
      handler: async (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        if (typeof body.id !== 'string') throw new ControlError(400, `body must name a fault: {"id": "…"}; known faults: ${FAULT_CATALOGUE.map((f) => f.id).join(', ')}`);
        if (!isFaultId(body.id)) throw new ControlError(400, `unknown fault ${body.id.slice(0, 60)}; known faults: ${FAULT_CATALOGUE.map((f) => f.id).join(', ')}`);
        const times = body.times === undefined ? 1 : body.times === 'always' ? undefined : Number(body.times);
        if (times !== undefined && (!Number.isInteger(times) || times < 1)) throw new ControlError(400, 'times must be a positive whole number or "always"');
        const delayMs = body.delayMs === undefined ? undefined : Number(body.delayMs);
        if (delayMs !== undefined && (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 120_000)) throw new ControlError(400, 'delayMs must be between 0 and 120000');
        try {
          const fault = await ctx.faults.activate({ id: body.id, remaining: times, clientId: text(body.clientId), pathPrefix: text(body.pathPrefix), delayMs });
          res.status(201).json(fault);
        } catch (e) {
          throw new ControlError(400, (e as Error).message);
        }
      },
    },
    {
      method: 'delete',
      path: '/faults',
      tag: 'faults',
      summary: 'Switches every fault off',
      responses: { 204: s.noContent },
      handler: async (_req, res) => {
        await ctx.faults.clear();
        res.status(204).end();
      },
    },
    {
      method: 'get',
      path: '/outbox',
      tag: 'messages',
      summary: 'Text messages, voice calls and emails the emulator "sent" (2-step codes, verification links), oldest first',
      query: { to: 'only messages to this phone number or address' },
      responses: { 200: s.ok(s.list('messages', s.message)) },
      handler: async (req, res) => void res.json({ messages: await ctx.messages.list({ to: text(req.query.to) }) }),
    },
    {
      method: 'get',
      path: '/mailbox',
      tag: 'messages',
      summary: 'The emails only',
      query: { to: 'only emails to this address' },
      responses: { 200: s.ok(s.list('messages', s.message)) },
      handler: async (req, res) => void res.json({ messages: await ctx.messages.list({ channel: 'email', to: text(req.query.to) }) }),
    },
    {
      method: 'get',
      path: '/applications',
      tag: 'applications',
      summary: 'Registered applications with their credentials',
      responses: { 200: s.ok(s.list('applications', s.application)) },
      handler: async (_req, res) => {
        const apps = await ctx.applications.list();
        res.json({ applications: apps.map(({ internalSecret: _hidden, ...app }) => app) });
      },
    },
    {
      method: 'post',
      path: '/applications',
      tag: 'applications',
      summary: "Registers an application by HMRC's rules (5 redirect URIs, 5 secrets, `http` only for localhost)",
      body: s.object({ clientId: s.str, clientSecrets: s.strings, name: s.str, redirectUris: s.strings, subscriptions: s.strings, rateLimitPerSecond: { type: 'number' } }, ['redirectUris', 'subscriptions', 'rateLimitPerSecond']),
      responses: { 201: s.created(s.application), 400: s.badRequest },
      handler: async (req, res) => {
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
      },
    },
    {
      method: 'get',
      path: '/accounts',
      tag: 'accounts',
      summary: 'Accounts with user IDs, passwords (seeded ones) and identifiers; never password hashes',
      responses: { 200: s.ok(s.list('accounts', s.account)) },
      handler: async (_req, res) => {
        const passwords = new Map(hooks.personas().map((p) => [p.userId, p.password]));
        const accounts = await ctx.accounts.list();
        res.json({ accounts: accounts.map(({ passwordHash: _hash, ...a }) => ({ ...a, password: passwords.get(a.userId) })) });
      },
    },
  ];
}
