import { isValidNino } from '../accounts/identifiers/nino.js';
import { acceptInvitation, copyAcross, createRelationship, endRelationship, InvitationStateError, respondToInvitation } from '../agents/agent-actions.js';
import { AGENT_OUTCOMES } from '../agents/agent-outcomes.js';
import { findAgentByArn } from '../agents/client-link.js';
import { AgentServicesAccountError, createAgentServicesAccount } from '../agents/create-agent-services-account.js';
import type { Invitation } from '../agents/invitations.js';
import type { RelationshipService } from '../agents/relationships.js';
import type { SaClient } from '../agents/sa-clients.js';
import { parseBusinessDetails } from '../agents/subscription-answers.js';
import type { EmulatorContext } from '../context.js';
import { ControlError } from '../errors/control-error.js';
import type { ControlRoute } from './route-table.js';
import * as s from './schemas.js';

/**
 * Control-API shortcuts for agents (docs/agents.md), so tests can set up an agent and its clients without driving
 * pages: an agent services account for an agent user, Self Assessment clients and copy-across, relationships and
 * authorisation requests directly, and queued outcomes HMRC's data cannot produce here.
 */
export function agentControlRoutes(ctx: EmulatorContext): ControlRoute[] {
  const requireAgent = async (arn: string): Promise<void> => {
    if (!(await findAgentByArn(ctx.accounts, arn))) throw new ControlError(404, `no agent services account has the ARN ${arn}`);
  };
  const arnParam = { arn: 'the agent reference number, e.g. `NARN0396245`' };
  return [
    {
      method: 'post',
      path: '/agents/{userId}/agent-services-account',
      tag: 'agents',
      summary: 'Creates an agent services account for an agent user ID, as the "Create an agent services account" pages do: an ARN and `HMRC-AS-AGENT` on a new user ID, returned with its password',
      params: { userId: 'the agent user ID without an agent services account (e.g. the `agent-no-asa` persona)' },
      body: s.object(
        { businessType: { enum: ['sole_trader', 'limited_company', 'partnership', 'llp'] }, utr: s.str, postcode: s.str, businessName: s.str, addressLine1: s.str, addressLine2: s.str, email: s.str },
        ['businessType', 'utr', 'postcode', 'businessName', 'addressLine1', 'addressLine2', 'email'],
      ),
      responses: { 201: s.created(s.agentServicesAccount), 400: s.badRequest, 404: s.notFound, 409: s.conflict },
      handler: async (req, res) => {
        const agent = await ctx.accounts.find(String(req.params.userId));
        if (!agent) throw new ControlError(404, `no account has the user ID ${String(req.params.userId).slice(0, 100)}`);
        try {
          const details = parseBusinessDetails((req.body ?? {}) as Record<string, unknown>);
          if (Array.isArray(details)) throw new ControlError(400, details.map((e) => `${e.field}: ${e.text}`).join('; '));
          const { account, password, record } = await createAgentServicesAccount(ctx, agent, details);
          res.status(201).json({ ...record, password, enrolment: account.enrolments.find((e) => e.key === 'HMRC-AS-AGENT') });
        } catch (e) {
          if (!(e instanceof AgentServicesAccountError)) throw e;
          throw new ControlError(e.code === 'NOT_AN_AGENT' ? 400 : e.code === 'BUSINESS_NOT_FOUND' ? 404 : 409, `${e.code}: ${e.message}`);
        }
      },
    },
    {
      method: 'get',
      path: '/agents/outcomes',
      tag: 'agents',
      summary: "The agent outcome catalogue (errors HMRC's data cannot produce here) and those queued",
      responses: { 200: s.ok(s.object({ catalogue: { type: 'array', items: s.object({ id: s.str, description: s.str }) }, queued: { type: 'array' } })) },
      handler: async (_req, res) => void res.json({ catalogue: AGENT_OUTCOMES, queued: await ctx.agents.outcomes.queued() }),
    },
    {
      method: 'post',
      path: '/agents/outcomes',
      tag: 'agents',
      summary: 'Queues an agent outcome for the next requests it applies to',
      body: s.object({ id: { enum: AGENT_OUTCOMES.map((o) => o.id) }, times: { type: 'integer', minimum: 1, maximum: 1000 } }, ['times']),
      responses: { 201: s.created(s.object({ queued: { type: 'array' } })), 400: s.badRequest },
      handler: async (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const outcome = AGENT_OUTCOMES.find((o) => o.id === body.id);
        const times = body.times === undefined ? 1 : Number(body.times);
        if (!outcome || !Number.isInteger(times) || times < 1 || times > 1000) {
          throw new ControlError(400, `body must be {"id": "…", "times"?: 1–1000}; ids: ${AGENT_OUTCOMES.map((o) => o.id).join(', ')}`);
        }
        await ctx.agents.outcomes.queue(outcome.id, times);
        res.status(201).json({ queued: await ctx.agents.outcomes.queued() });
      },
    },
    {
      method: 'delete',
      path: '/agents/outcomes',
      tag: 'agents',
      summary: 'Clears the queued agent outcomes',
      responses: { 204: s.noContent },
      handler: async (_req, res) => {
        await ctx.agents.outcomes.clear();
        res.status(204).end();
      },
    },
    {
      method: 'get',
      path: '/agents/{arn}/sa-clients',
      tag: 'agents',
      summary: "The agent's existing Self Assessment clients",
      params: arnParam,
      responses: { 200: s.ok(s.list('clients', s.saClient)), 404: s.notFound },
      handler: async (req, res) => {
        await requireAgent(String(req.params.arn));
        res.json({ clients: await ctx.agents.saClients.list(String(req.params.arn)) });
      },
    },
    {
      method: 'post',
      path: '/agents/{arn}/sa-clients',
      tag: 'agents',
      summary: 'Adds Self Assessment clients to the agent (1–500; each with a NINO or SA UTR)',
      params: arnParam,
      body: s.object({ clients: { type: 'array', minItems: 1, maxItems: 500, items: s.saClient } }),
      responses: { 201: s.created(s.list('clients', s.saClient)), 400: s.badRequest, 404: s.notFound },
      handler: async (req, res) => {
        const arn = String(req.params.arn);
        await requireAgent(arn);
        const clients = (req.body as { clients?: unknown } | undefined)?.clients;
        if (!Array.isArray(clients) || !clients.length || clients.length > 500 || !clients.every(isSaClient)) {
          throw new ControlError(400, 'body must be {"clients": [{"name": "…", "nino": "AA999999A", "saUtr": "1234567890"}]} (1–500 clients; nino or saUtr)');
        }
        const added = clients.map((c) => ({ name: c.name, nino: c.nino?.replace(/\s/g, '').toUpperCase(), saUtr: c.saUtr }));
        res.status(201).json({ clients: await ctx.agents.saClients.add(arn, added) });
      },
    },
    {
      method: 'post',
      path: '/agents/{arn}/copy-across',
      tag: 'agents',
      summary: 'Copies the Self Assessment clients across: a main MTD-IT relationship for each with a NINO',
      params: arnParam,
      responses: { 200: s.ok(s.list('relationships', s.relationship)), 404: s.notFound },
      handler: async (req, res) => {
        await requireAgent(String(req.params.arn));
        res.json({ relationships: await copyAcross(ctx, String(req.params.arn)) });
      },
    },
    {
      method: 'get',
      path: '/relationships',
      tag: 'agents',
      summary: 'Agent–client relationships',
      query: { arn: 'only this agent', clientId: 'only this client (NINO or VRN)' },
      responses: { 200: s.ok(s.list('relationships', s.relationship)) },
      handler: async (req, res) => {
        const arn = typeof req.query.arn === 'string' ? req.query.arn : undefined;
        const clientId = typeof req.query.clientId === 'string' ? req.query.clientId.replace(/\s/g, '').toUpperCase() : undefined;
        res.json({ relationships: await ctx.relationships.list({ arn, clientId }) });
      },
    },
    {
      method: 'post',
      path: '/relationships',
      tag: 'agents',
      summary: 'Creates a relationship directly, without an authorisation request',
      body: s.object({ arn: s.str, service: { enum: ['MTD-IT', 'MTD-VAT'] }, clientId: s.str, agentType: { enum: ['main', 'supporting'] } }, ['agentType']),
      responses: { 201: s.created(s.relationship), 400: s.badRequest, 404: s.notFound, 409: s.conflict },
      handler: async (req, res) => {
        const r = readRelationship((req.body ?? {}) as Record<string, unknown>, true);
        res.status(201).json(await createRelationship(ctx, { ...r, agentType: r.agentType ?? 'main' }));
      },
    },
    {
      method: 'delete',
      path: '/relationships',
      tag: 'agents',
      summary: 'Ends a relationship (named in the query, or in the body)',
      query: { arn: 'the agent', service: '`MTD-IT` or `MTD-VAT`', clientId: 'the client (NINO or VRN)' },
      responses: { 204: s.noContent, 400: s.badRequest, 404: s.notFound },
      handler: async (req, res) => {
        const source = Object.keys(req.query).length ? (req.query as Record<string, unknown>) : ((req.body ?? {}) as Record<string, unknown>);
        const r = readRelationship(source, false);
        if (!(await endRelationship(ctx, r.arn, r.service, r.clientId))) throw new ControlError(404, 'there is no such relationship');
        res.status(204).end();
      },
    },
    {
      method: 'get',
      path: '/invitations',
      tag: 'agents',
      summary: 'Authorisation requests, with their status as of now',
      query: { arn: 'only this agent', clientId: 'only this client' },
      responses: { 200: s.ok(s.list('invitations', s.invitation)) },
      handler: async (req, res) => {
        const arn = typeof req.query.arn === 'string' ? req.query.arn : undefined;
        const clientId = typeof req.query.clientId === 'string' ? req.query.clientId : undefined;
        const invitations = await ctx.agents.invitations.list({ arn, clientId });
        res.json({ invitations: invitations.map((i) => describe(ctx, i)) });
      },
    },
    {
      method: 'post',
      path: '/invitations/{invitationId}/{decision}',
      tag: 'agents',
      summary: 'Accepts or rejects an authorisation request, as the client would',
      params: { invitationId: 'the authorisation request', decision: '`accept` or `reject`' },
      responses: { 200: s.ok(s.invitation), 404: s.notFound, 409: s.conflict },
      handler: async (req, res) => {
        const invitationId = String(req.params.invitationId);
        const decision = String(req.params.decision);
        if (decision !== 'accept' && decision !== 'reject') throw new ControlError(404, 'use /invitations/{id}/accept or /invitations/{id}/reject');
        const invitation = await ctx.agents.invitations.find(invitationId);
        if (!invitation) throw new ControlError(404, `no authorisation request has the ID ${invitationId}`);
        try {
          const next = decision === 'accept' ? await acceptInvitation(ctx, invitation) : await respondToInvitation(ctx, invitation, 'Rejected');
          res.json(describe(ctx, next));
        } catch (e) {
          if (e instanceof InvitationStateError) throw new ControlError(409, e.message);
          throw e;
        }
      },
    },
  ];
}

function describe(ctx: EmulatorContext, i: Invitation): Record<string, unknown> {
  const invitations = ctx.agents.invitations;
  const updated = invitations.updated(i);
  return { ...i, status: invitations.status(i), created: new Date(i.created).toISOString(), updated: updated === undefined ? undefined : new Date(updated).toISOString() };
}

function isSaClient(c: unknown): c is SaClient {
  if (typeof c !== 'object' || c === null) return false;
  const { name, nino, saUtr } = c as Record<string, unknown>;
  if (typeof name !== 'string' || !name || name.length > 160) return false;
  if (nino !== undefined && (typeof nino !== 'string' || !isValidNino(nino.toUpperCase()))) return false;
  if (saUtr !== undefined && (typeof saUtr !== 'string' || !/^\d{10}$/.test(saUtr))) return false;
  return nino !== undefined || saUtr !== undefined;
}

function readRelationship(
  body: Record<string, unknown>,
  withAgentType: boolean,
): { arn: string; service: RelationshipService; clientId: string; agentType?: 'main' | 'supporting' } {
  const { arn, service, clientId, agentType } = body;
  const usage = `give arn (e.g. NARN0396245), service (MTD-IT or MTD-VAT) and clientId (a NINO or VRN)${withAgentType ? ', and optionally agentType (main or supporting; MTD-IT only)' : ''}`;
  if (typeof arn !== 'string' || !/^[A-Z]ARN\d{7}$/.test(arn)) throw new ControlError(400, usage);
  if (service !== 'MTD-IT' && service !== 'MTD-VAT') throw new ControlError(400, usage);
  if (typeof clientId !== 'string') throw new ControlError(400, usage);
  const id = clientId.replace(/\s/g, '').toUpperCase();
  if (service === 'MTD-IT' ? !isValidNino(id) : !/^\d{9}$/.test(id)) throw new ControlError(400, `clientId must be a ${service === 'MTD-IT' ? 'NINO' : 'VRN (9 digits)'}`);
  if (withAgentType && agentType !== undefined && agentType !== 'main' && !(agentType === 'supporting' && service === 'MTD-IT')) {
    throw new ControlError(400, usage);
  }
  return { arn, service, clientId: id, agentType: agentType as 'main' | 'supporting' | undefined };
}
