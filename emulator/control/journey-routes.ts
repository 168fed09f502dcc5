import type express from 'express';
import type { EmulatorContext } from '../context.js';
import { AccessCodes } from '../journey/access-codes.js';
import { JourneyStates } from '../journey/journey-state.js';
import { JOURNEY_TEMPLATES } from '../journey/kit.js';
import { OUTCOMES, PRESETTABLE, isPresettable } from '../oauth/outcomes.js';
import { JourneyPresets } from '../journey/presets.js';
import { createPages } from '../pages/pages.js';
import { ControlError } from '../errors/control-error.js';
import type { ControlRoute } from './route-table.js';
import * as s from './schemas.js';

const query = (req: express.Request, name: string): string | undefined => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);

/**
 * Control API for the link-software journey (docs/journey.md): which steps each journey ran, the outcome
 * catalogue, presets for the next journey of an application or user (`auto` completes it without pages), the
 * authenticator-app code now (virtual time), and the outbox as a page.
 */
export function journeyControlRoutes(ctx: EmulatorContext): ControlRoute[] {
  const states = new JourneyStates(ctx.store, ctx.clock);
  const presets = new JourneyPresets(ctx.store);
  const pages = createPages([JOURNEY_TEMPLATES]);
  return [
    {
      method: 'get',
      path: '/journeys',
      tag: 'journeys',
      summary: 'Which steps each link-software journey ran and what was chosen, oldest first',
      query: { clientId: 'only journeys of this application', userId: 'only journeys of this user' },
      responses: { 200: s.ok(s.list('journeys', s.object({ id: s.str, clientId: s.str, userId: s.str, variant: s.str, outcome: s.str, steps: { type: 'array', items: s.object({ step: s.str, choice: s.str, time: s.time }) } }, ['userId', 'variant', 'outcome']))) },
      handler: async (req, res) => void res.json({ journeys: await states.history({ clientId: query(req, 'clientId'), userId: query(req, 'userId') }) }),
    },
    {
      method: 'get',
      path: '/journeys/outcomes',
      tag: 'journeys',
      summary: 'The journey outcome catalogue; `presettable` ones can be preset',
      responses: { 200: s.ok(s.list('outcomes', s.object({ id: s.str, step: s.str, description: s.str, presettable: s.bool }))) },
      handler: (_req, res) => void res.json({ outcomes: OUTCOMES.map((o) => ({ ...o, presettable: isPresettable(o.id) })) }),
    },
    {
      method: 'get',
      path: '/journeys/presets',
      tag: 'journeys',
      summary: 'Presets waiting for a journey',
      responses: { 200: s.ok(s.list('presets', s.journeyPreset)) },
      handler: async (_req, res) => void res.json({ presets: await presets.list() }),
    },
    {
      method: 'post',
      path: '/journeys/presets',
      tag: 'journeys',
      summary: 'Presets the outcome of the next journey of an application or a user; `auto` completes it without pages',
      body: s.object({ outcome: { enum: [...PRESETTABLE] }, clientId: s.str, userId: s.str, auto: s.bool, times: { oneOf: [{ type: 'integer', minimum: 1, maximum: 10_000 }, { const: 'always' }] } }, ['clientId', 'userId', 'auto', 'times']),
      responses: { 201: s.created(s.journeyPreset), 400: s.badRequest },
      handler: async (req, res) => {
        const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
        if (!isPresettable(body.outcome)) throw new ControlError(400, `outcome must be one of: ${PRESETTABLE.join(', ')}`);
        for (const key of ['clientId', 'userId'] as const) {
          if (body[key] !== undefined && (typeof body[key] !== 'string' || !body[key] || (body[key] as string).length > 100)) throw new ControlError(400, `${key} must be a non-empty string`);
        }
        if (body.auto !== undefined && typeof body.auto !== 'boolean') throw new ControlError(400, 'auto must be true or false');
        const times = body.times === undefined ? 1 : body.times === 'always' ? undefined : Number(body.times);
        if (times !== undefined && (!Number.isInteger(times) || times < 1 || times > 10_000)) throw new ControlError(400, 'times must be a whole number from 1 to 10000, or "always"');
        if (typeof body.clientId === 'string' && !(await ctx.applications.find(body.clientId))) throw new ControlError(400, `no application with client ID ${body.clientId}`);
        if (typeof body.userId === 'string' && !(await ctx.accounts.find(body.userId))) throw new ControlError(400, `no account with user ID ${body.userId}`);
        const preset = await presets.add({ outcome: body.outcome, clientId: body.clientId as string | undefined, userId: body.userId as string | undefined, auto: body.auto === true, remaining: times });
        res.status(201).json(preset);
      },
    },
    {
      method: 'delete',
      path: '/journeys/presets',
      tag: 'journeys',
      summary: 'Removes every preset',
      responses: { 204: s.noContent },
      handler: async (_req, res) => {
        await presets.clear();
        res.status(204).end();
      },
    },
    {
      method: 'get',
      path: '/journeys/totp',
      tag: 'journeys',
      summary: "The authenticator-app code of an account now, at virtual time",
      query: { userId: 'the account (required)' },
      responses: { 200: s.ok(s.object({ userId: s.str, code: s.str })), 400: s.badRequest, 404: s.notFound },
      handler: async (req, res) => {
        const userId = query(req, 'userId');
        const account = userId ? await ctx.accounts.find(userId) : undefined;
        if (!account) throw new ControlError(userId ? 404 : 400, 'userId must name an account');
        const secret = account.twoStepVerification?.method === 'app' ? account.twoStepVerification.totpSecret : undefined;
        if (!secret) throw new ControlError(400, 'this account does not use an authenticator app for 2-step verification');
        res.json({ userId: account.userId, code: new AccessCodes(ctx).totpNow(secret) });
      },
    },
    {
      method: 'get',
      path: '/outbox/page',
      tag: 'messages',
      summary: 'The outbox (texts, voice calls, emails) as an HTML page, newest first',
      query: { to: 'only messages to this phone number or address' },
      responses: { 200: s.htmlPage('The outbox page') },
      handler: async (req, res) => {
        const to = query(req, 'to')?.slice(0, 254) || undefined;
        const messages = (await ctx.messages.list({ to })).reverse();
        pages.render(res, 'outbox.njk', { title: 'Outbox', serviceName: 'HMRC local sandbox', messages });
      },
    },
  ];
}
