import express from 'express';
import { isValidNino } from '../accounts/identifiers/nino.js';
import { acceptInvitation, copyAcross, createRelationship, endRelationship, InvitationStateError, respondToInvitation } from '../agents/agent-actions.js';
import { AGENT_OUTCOMES } from '../agents/agent-outcomes.js';
import { findAgentByArn } from '../agents/client-link.js';
import type { Invitation } from '../agents/invitations.js';
import type { RelationshipService } from '../agents/relationships.js';
import type { SaClient } from '../agents/sa-clients.js';
import type { EmulatorContext } from '../context.js';

class AgentControlError extends Error {
  constructor(
    readonly status: number,
    readonly error: 'bad_request' | 'not_found' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Control-API shortcuts for agents (mounted under `/_emulator`), so tests can set up an agent and its
 * clients without driving pages:
 * - `GET|POST /agents/{arn}/sa-clients` — the agent's existing Self Assessment clients (POST adds
 *   `{"clients": [{"nino", "saUtr", "name"}]}`);
 * - `POST /agents/{arn}/copy-across` — copy them across: a main MTD-IT relationship for each with a NINO;
 * - `GET /relationships?arn=&clientId=`, `POST /relationships` `{"arn", "service", "clientId", "agentType"}`,
 *   `DELETE /relationships?arn=&service=&clientId=` — relationships, directly;
 * - `GET /invitations?arn=&clientId=`, `POST /invitations/{id}/accept|reject` — authorisation requests;
 * - `GET|POST|DELETE /agents/outcomes` — queue an error HMRC's data cannot produce here (`{"id", "times"?}`).
 * Errors are `{"error": "...", "message": "..."}` like the rest of the control API.
 */
export function agentControlRoutes(ctx: EmulatorContext): express.Router {
  const router = express.Router();

  const requireAgent = async (arn: string): Promise<void> => {
    if (!(await findAgentByArn(ctx.accounts, arn))) throw new AgentControlError(404, 'not_found', `no agent services account has the ARN ${arn}`);
  };

  router.get('/agents/outcomes', async (_req, res) => void res.json({ catalogue: AGENT_OUTCOMES, queued: await ctx.agents.outcomes.queued() }));
  router.post('/agents/outcomes', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const outcome = AGENT_OUTCOMES.find((o) => o.id === body.id);
    const times = body.times === undefined ? 1 : Number(body.times);
    if (!outcome || !Number.isInteger(times) || times < 1 || times > 1000) {
      throw new AgentControlError(400, 'bad_request', `body must be {"id": "…", "times"?: 1–1000}; ids: ${AGENT_OUTCOMES.map((o) => o.id).join(', ')}`);
    }
    await ctx.agents.outcomes.queue(outcome.id, times);
    res.status(201).json({ queued: await ctx.agents.outcomes.queued() });
  });
  router.delete('/agents/outcomes', async (_req, res) => {
    await ctx.agents.outcomes.clear();
    res.status(204).end();
  });

  router.get('/agents/:arn/sa-clients', async (req, res) => {
    await requireAgent(req.params.arn);
    res.json({ clients: await ctx.agents.saClients.list(req.params.arn) });
  });

  router.post('/agents/:arn/sa-clients', async (req, res) => {
    await requireAgent(req.params.arn);
    const clients = (req.body as { clients?: unknown } | undefined)?.clients;
    if (!Array.isArray(clients) || !clients.length || clients.length > 500 || !clients.every(isSaClient)) {
      throw new AgentControlError(400, 'bad_request', 'body must be {"clients": [{"name": "…", "nino": "AA999999A", "saUtr": "1234567890"}]} (1–500 clients; nino or saUtr)');
    }
    const added = clients.map((c) => ({ name: c.name, nino: c.nino?.replace(/\s/g, '').toUpperCase(), saUtr: c.saUtr }));
    res.status(201).json({ clients: await ctx.agents.saClients.add(req.params.arn, added) });
  });

  router.post('/agents/:arn/copy-across', async (req, res) => {
    await requireAgent(req.params.arn);
    res.json({ relationships: await copyAcross(ctx, req.params.arn) });
  });

  router.get('/relationships', async (req, res) => {
    const arn = typeof req.query.arn === 'string' ? req.query.arn : undefined;
    const clientId = typeof req.query.clientId === 'string' ? req.query.clientId.replace(/\s/g, '').toUpperCase() : undefined;
    res.json({ relationships: await ctx.relationships.list({ arn, clientId }) });
  });

  router.post('/relationships', async (req, res) => {
    const r = readRelationship((req.body ?? {}) as Record<string, unknown>, true);
    res.status(201).json(await createRelationship(ctx, { ...r, agentType: r.agentType ?? 'main' }));
  });

  router.delete('/relationships', async (req, res) => {
    const source = Object.keys(req.query).length ? (req.query as Record<string, unknown>) : ((req.body ?? {}) as Record<string, unknown>);
    const r = readRelationship(source, false);
    if (!(await endRelationship(ctx, r.arn, r.service, r.clientId))) throw new AgentControlError(404, 'not_found', 'there is no such relationship');
    res.status(204).end();
  });

  router.get('/invitations', async (req, res) => {
    const arn = typeof req.query.arn === 'string' ? req.query.arn : undefined;
    const clientId = typeof req.query.clientId === 'string' ? req.query.clientId : undefined;
    const invitations = await ctx.agents.invitations.list({ arn, clientId });
    res.json({ invitations: invitations.map((i) => describe(ctx, i)) });
  });

  router.post('/invitations/:invitationId/:decision', async (req, res) => {
    const { invitationId, decision } = req.params;
    if (decision !== 'accept' && decision !== 'reject') throw new AgentControlError(404, 'not_found', 'use /invitations/{id}/accept or /invitations/{id}/reject');
    const invitation = await ctx.agents.invitations.find(invitationId);
    if (!invitation) throw new AgentControlError(404, 'not_found', `no authorisation request has the ID ${invitationId}`);
    try {
      const next = decision === 'accept' ? await acceptInvitation(ctx, invitation) : await respondToInvitation(ctx, invitation, 'Rejected');
      res.json(describe(ctx, next));
    } catch (e) {
      if (e instanceof InvitationStateError) throw new AgentControlError(409, 'conflict', e.message);
      throw e;
    }
  });

  router.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (err instanceof AgentControlError) return void res.status(err.status).json({ error: err.error, message: err.message });
    next(err);
  });
  return router;
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
  if (typeof arn !== 'string' || !/^[A-Z]ARN\d{7}$/.test(arn)) throw new AgentControlError(400, 'bad_request', usage);
  if (service !== 'MTD-IT' && service !== 'MTD-VAT') throw new AgentControlError(400, 'bad_request', usage);
  if (typeof clientId !== 'string') throw new AgentControlError(400, 'bad_request', usage);
  const id = clientId.replace(/\s/g, '').toUpperCase();
  if (service === 'MTD-IT' ? !isValidNino(id) : !/^\d{9}$/.test(id)) throw new AgentControlError(400, 'bad_request', `clientId must be a ${service === 'MTD-IT' ? 'NINO' : 'VRN (9 digits)'}`);
  if (withAgentType && agentType !== undefined && agentType !== 'main' && !(agentType === 'supporting' && service === 'MTD-IT')) {
    throw new AgentControlError(400, 'bad_request', usage);
  }
  return { arn, service, clientId: id, agentType: agentType as 'main' | 'supporting' | undefined };
}
