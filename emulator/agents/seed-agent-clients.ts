import type { EmulatorContext } from '../context.js';
import { seedAgentClients } from './agent-actions.js';

/**
 * The `agent` persona's existing Self Assessment clients, ready to copy across: the `individual` persona
 * (MTD Income Tax and Self Assessment) and HMRC's legacy sandbox user `user1` (Self Assessment only).
 * Called once by build-emulator.ts, right after `seedAccounts`; personas that are missing (a fixtures file without them) are skipped.
 */
export const AGENT_PERSONA = 'agent';
export const AGENT_SA_CLIENT_PERSONAS = ['individual', 'legacy-sandbox-user'];

export async function seedPersonaAgentClients(ctx: EmulatorContext): Promise<void> {
  const accounts = await ctx.accounts.list();
  const agent = accounts.find((a) => a.persona === AGENT_PERSONA);
  const clients = AGENT_SA_CLIENT_PERSONAS.map((name) => accounts.find((a) => a.persona === name)).filter((a) => a !== undefined);
  if (agent && clients.length) await seedAgentClients(ctx, agent, clients);
}
