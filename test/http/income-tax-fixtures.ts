import request from 'supertest';
import type { Emulator } from '../../emulator/app.js';
import { addAccount, applicationToken, userToken } from '../support.js';

/** Accounts and request helpers shared by the Income Tax HTTP tests. */
export const NINO = 'AA123456A';
export const DEFAULT_BUSINESS_ID = 'XAIS12345600001';
export const IT_SCOPES = 'read:self-assessment write:self-assessment';

/** A signed-up taxpayer (HMRC-MTD-IT, confidence level 250) and a user token for it. */
export async function taxpayer(e: Emulator, o: { userId?: string; nino?: string; enrolled?: boolean; confidenceLevel?: number } = {}): Promise<string> {
  const userId = o.userId ?? 'it-taxpayer';
  const nino = o.nino ?? NINO;
  await addAccount(e, {
    userId,
    affinityGroup: 'Individual',
    identifiers: { nino, mtdItId: 'XAIT00000000001' },
    enrolments: o.enrolled === false ? [] : [{ key: 'HMRC-MTD-IT', identifiers: [{ key: 'MTDITID', value: 'XAIT00000000001' }] }],
    confidenceLevel: o.confidenceLevel ?? 250,
  });
  return userToken(e, userId, IT_SCOPES);
}

/** An agent with an agent services account and, optionally, a relationship with the client NINO. */
export async function agent(e: Emulator, o: { userId?: string; arn?: string; agentType?: 'main' | 'supporting'; clientNino?: string } = {}): Promise<string> {
  const userId = o.userId ?? 'it-agent';
  const arn = o.arn ?? 'AARN1234567';
  await addAccount(e, {
    userId,
    affinityGroup: 'Agent',
    identifiers: { agentServicesAccountNumber: arn },
    enrolments: [{ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: arn }] }],
  });
  if (o.agentType) await e.context.relationships.add({ arn, service: 'MTD-IT', clientId: o.clientNino ?? NINO, agentType: o.agentType, since: '2026-01-01T00:00:00Z' });
  return userToken(e, userId, IT_SCOPES);
}

export const testSupportToken = (e: Emulator): Promise<string> => applicationToken(e, IT_SCOPES);

/** Calls one API version with a token; `scenario` sets Gov-Test-Scenario. */
export function client(e: Emulator, token: string, version: string) {
  const accept = `application/vnd.hmrc.${version}+json`;
  const prep = (r: request.Test, scenario?: string): request.Test => {
    r.set('Accept', accept).set('Authorization', `Bearer ${token}`);
    return scenario ? r.set('Gov-Test-Scenario', scenario) : r;
  };
  return {
    get: (path: string, scenario?: string) => prep(request(e.app).get(path), scenario),
    delete: (path: string, scenario?: string) => prep(request(e.app).delete(path), scenario),
    post: (path: string, body?: unknown, scenario?: string) => {
      const r = prep(request(e.app).post(path), scenario);
      return body === undefined ? r : r.send(body as object);
    },
    put: (path: string, body?: unknown, scenario?: string) => {
      const r = prep(request(e.app).put(path), scenario);
      return body === undefined ? r : r.send(body as object);
    },
  };
}
